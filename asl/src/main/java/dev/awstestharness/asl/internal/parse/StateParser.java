package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.ChoiceRule;
import dev.awstestharness.asl.internal.model.ChoiceState;
import dev.awstestharness.asl.internal.model.ErrorHandling;
import dev.awstestharness.asl.internal.model.FailState;
import dev.awstestharness.asl.internal.model.IntegerField;
import dev.awstestharness.asl.internal.model.MapState;
import dev.awstestharness.asl.internal.model.ParallelState;
import dev.awstestharness.asl.internal.model.PassState;
import dev.awstestharness.asl.internal.model.PathField;
import dev.awstestharness.asl.internal.model.ResultHandling;
import dev.awstestharness.asl.internal.model.SecondsField;
import dev.awstestharness.asl.internal.model.State;
import dev.awstestharness.asl.internal.model.StateGraph;
import dev.awstestharness.asl.internal.model.StateHeader;
import dev.awstestharness.asl.internal.model.SucceedState;
import dev.awstestharness.asl.internal.model.TaskState;
import dev.awstestharness.asl.internal.model.WaitState;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import dev.awstestharness.asl.internal.template.ValueExpression;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses one state of any type, reporting every problem it finds. */
final class StateParser {
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath", "ResultSelector", "Retry", "Catch");
    /** JSONata and variables fields: valid ASL this interpreter does not run yet. */
    private static final Set<String> NOT_YET = Set.of("Assign", "Arguments", "Output", "Items");

    private final DefinitionParser definition;

    StateParser(DefinitionParser definition) {
        this.definition = definition;
    }

    State parse(String name, ObjectReader state, List<Transition> transitions) {
        String type = state.string("Type", true);
        if (type == null) {
            keepNext(state, transitions);
            return null;
        }
        checkQueryLanguage(state);
        return switch (type) {
            case "Pass" -> pass(name, state, transitions);
            case "Task" -> task(name, state, transitions);
            case "Choice" -> choice(name, state, transitions);
            case "Wait" -> waitState(name, state, transitions);
            case "Succeed" -> {
                state.checkFields(union(COMMON, IO), NOT_YET, "a Succeed state");
                yield new SucceedState(new StateHeader(name, null, state.pathField("InputPath"), state.pathField("OutputPath")));
            }
            case "Fail" -> fail(name, state);
            case "Parallel" -> parallel(name, state, transitions);
            case "Map" -> map(name, state, transitions);
            default -> {
                state.problems().schema(state.pointer("Type"),
                        "Unknown state type '" + type + "'; expected one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map");
                keepNext(state, transitions);
                yield null;
            }
        };
    }

    /**
     * Keeps the {@code Next} of a state whose type is missing or unknown, so that its successors are not also reported
     * as unreachable.
     */
    private static void keepNext(ObjectReader state, List<Transition> transitions) {
        JsonNode next = state.raw("Next");
        if (next != null && next.isTextual()) transitions.add(new Transition(next.textValue(), state.pointer("Next")));
    }

    static void checkQueryLanguage(ObjectReader reader) {
        String language = reader.string("QueryLanguage", false);
        if (language == null || language.equals("JSONPath")) return;
        if (language.equals("JSONata")) {
            reader.problems().add(Problems.UNSUPPORTED, "The JSONata query language is not supported by this local interpreter yet",
                    reader.pointer("QueryLanguage"));
        } else {
            reader.problems().schema(reader.pointer("QueryLanguage"), "The value must be one of JSONPath, JSONata but was '" + language + "'");
        }
    }

    private StateHeader header(String name, ObjectReader state, List<Transition> transitions) {
        String next = state.string("Next", false);
        Boolean end = state.bool("End");
        boolean endOfWrongType = end == null && state.has("End"); // reported by bool()
        if (next != null && Boolean.TRUE.equals(end)) {
            state.problems().schema(state.pointer(), "A state cannot have both 'Next' and 'End': true");
        } else if (next == null && !Boolean.TRUE.equals(end) && !state.has("Next") && !endOfWrongType) {
            state.problems().schema(state.pointer(), "A state needs either 'Next' or 'End': true");
        }
        if (next != null) transitions.add(new Transition(next, state.pointer("Next")));
        return new StateHeader(name, next, state.pathField("InputPath"), state.pathField("OutputPath"));
    }

    private State pass(String name, ObjectReader state, List<Transition> transitions) {
        state.checkFields(union(COMMON, FLOW, IO, Set.of("Parameters", "Result", "ResultPath")), NOT_YET, "a Pass state");
        return new PassState(header(name, state, transitions), state.template("Parameters"), state.raw("Result"),
                state.resultPath("ResultPath"));
    }

    private State task(String name, ObjectReader state, List<Transition> transitions) {
        state.checkFields(union(COMMON, FLOW, IO, RESULT, Set.of("Parameters", "Resource", "TimeoutSeconds", "TimeoutSecondsPath",
                "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials")), NOT_YET, "a Task state");
        StateHeader header = header(name, state, transitions);
        String resource = state.string("Resource", true);
        if (resource != null && !resource.startsWith("arn:")) {
            state.problems().schema(state.pointer("Resource"), "The value for the field 'Resource' must be an ARN but was '" + resource + "'");
        }
        SecondsField timeout = state.seconds("TimeoutSeconds");
        SecondsField heartbeat = state.seconds("HeartbeatSeconds");
        if (timeout.seconds() != null && heartbeat.seconds() != null && heartbeat.seconds() >= timeout.seconds()) {
            state.problems().schema(state.pointer("HeartbeatSeconds"), "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'");
        }
        return new TaskState(header, resource, state.template("Parameters"), result(state), errorHandling(state, transitions),
                timeout, heartbeat, state.raw("Credentials"));
    }

    private State choice(String name, ObjectReader state, List<Transition> transitions) {
        state.checkFields(union(COMMON, IO, Set.of("Choices", "Default")), NOT_YET, "a Choice state");
        JsonNode choices = state.raw("Choices");
        List<ChoiceState.Branch> branches = new ArrayList<>();
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            state.problems().schema(state.pointer(choices == null ? "" : "Choices").replaceAll("/$", ""),
                    "A Choice state needs a non-empty 'Choices' array");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                String pointer = state.pointer("Choices") + "[" + i + "]";
                ChoiceRule rule = ChoiceRuleParser.parse(choices.get(i), pointer, state.problems(), true);
                if (!choices.get(i).isObject()) continue;
                JsonNode next = choices.get(i).get("Next");
                if (next == null || !next.isTextual()) {
                    state.problems().schema(pointer, "A Choice rule needs a 'Next' state name");
                    continue;
                }
                transitions.add(new Transition(next.textValue(), pointer + "/Next"));
                if (rule != null) branches.add(new ChoiceState.Branch(rule, next.textValue()));
            }
        }
        String defaultNext = state.string("Default", false);
        if (defaultNext != null) transitions.add(new Transition(defaultNext, state.pointer("Default")));
        return new ChoiceState(new StateHeader(name, null, state.pathField("InputPath"), state.pathField("OutputPath")),
                List.copyOf(branches), defaultNext);
    }

    private State waitState(String name, ObjectReader state, List<Transition> transitions) {
        state.checkFields(union(COMMON, FLOW, IO, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")), NOT_YET,
                "a Wait state");
        StateHeader header = header(name, state, transitions);
        int count = 0;
        for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            if (state.has(field)) count++;
        }
        if (count != 1) {
            state.problems().schema(state.pointer(), "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        }
        Long seconds = state.integer("Seconds", 0);
        OffsetDateTime timestamp = null;
        String timestampText = state.string("Timestamp", false);
        if (timestampText != null) {
            timestamp = ChoiceRule.parseTimestamp(timestampText);
            if (timestamp == null) {
                state.problems().schema(state.pointer("Timestamp"), "The value for the field 'Timestamp' must be an RFC3339 timestamp");
            }
        }
        return new WaitState(header, seconds, timestamp, state.path("SecondsPath"), state.path("TimestampPath"));
    }

    private State fail(String name, ObjectReader state) {
        state.checkFields(union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")), Set.of(), "a Fail state");
        for (String field : List.of("Error", "Cause")) {
            if (state.has(field) && state.has(field + "Path")) {
                state.problems().schema(state.pointer(), "The fields '" + field + "' and '" + field + "Path' cannot both be present");
            }
        }
        return new FailState(new StateHeader(name, null, PathField.WHOLE, PathField.WHOLE), state.string("Error", false),
                state.string("Cause", false), valueExpression(state, "ErrorPath"), valueExpression(state, "CausePath"));
    }

    private static ValueExpression valueExpression(ObjectReader state, String field) {
        String text = state.string(field, false);
        if (text == null) return null;
        try {
            return ValueExpression.compile(text);
        } catch (IllegalArgumentException e) {
            state.problems().schema(state.pointer(field),
                    "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call: " + e.getMessage());
            return null;
        }
    }

    private State parallel(String name, ObjectReader state, List<Transition> transitions) {
        state.checkFields(union(COMMON, FLOW, IO, RESULT, Set.of("Parameters", "Branches")), NOT_YET, "a Parallel state");
        StateHeader header = header(name, state, transitions);
        JsonNode branchesField = state.raw("Branches");
        List<StateGraph> branches = new ArrayList<>();
        if (branchesField == null || !branchesField.isArray() || branchesField.isEmpty()) {
            state.problems().schema(branchesField == null ? state.pointer() : state.pointer("Branches"),
                    "A Parallel state needs a non-empty 'Branches' array");
        } else {
            for (int i = 0; i < branchesField.size(); i++) {
                StateGraph branch = definition.graph(branchesField.get(i), state.pointer("Branches") + "[" + i + "]", Set.of());
                if (branch != null) branches.add(branch);
            }
        }
        return new ParallelState(header, state.template("Parameters"), List.copyOf(branches), result(state),
                errorHandling(state, transitions));
    }

    private State map(String name, ObjectReader state, List<Transition> transitions) {
        state.checkFields(union(COMMON, FLOW, IO, RESULT, Set.of("Parameters", "ItemSelector", "ItemsPath", "Iterator",
                        "ItemProcessor", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
                        "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label")),
                union(NOT_YET, Set.of("ItemReader", "ItemBatcher", "ResultWriter")), "a Map state");
        StateHeader header = header(name, state, transitions);
        if (state.has("Parameters") && state.has("ItemSelector")) {
            state.problems().schema(state.pointer(), "The fields 'Parameters' and 'ItemSelector' cannot both be present");
        }
        String processorField = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (state.has("ItemProcessor") && state.has("Iterator")) {
            state.problems().schema(state.pointer(), "The fields 'ItemProcessor' and 'Iterator' cannot both be present");
        }
        StateGraph processor = null;
        MapState.ProcessorMode mode = MapState.ProcessorMode.INLINE;
        JsonNode processorNode = state.raw(processorField);
        if (processorNode == null) {
            state.problems().schema(state.pointer(), "A Map state needs an 'ItemProcessor'");
        } else {
            processor = definition.graph(processorNode, state.pointer(processorField), Set.of("ProcessorConfig"));
            mode = processorMode(processorNode, state.pointer(processorField), state.problems());
        }
        return new MapState(header, state.pathField("ItemsPath"),
                state.has("ItemSelector") ? state.template("ItemSelector") : state.template("Parameters"),
                processor, mode,
                integerField(state, "MaxConcurrency"),
                integerField(state, "ToleratedFailureCount"),
                numberField(state, "ToleratedFailurePercentage"),
                result(state), errorHandling(state, transitions));
    }

    private static MapState.ProcessorMode processorMode(JsonNode processor, String pointer, Problems problems) {
        JsonNode config = processor.get("ProcessorConfig");
        if (config == null) return MapState.ProcessorMode.INLINE;
        ObjectReader reader = new ObjectReader(config, pointer + "/ProcessorConfig", problems);
        reader.checkFields(Set.of("Mode", "ExecutionType"), Set.of(), "ProcessorConfig");
        String mode = reader.string("Mode", false);
        String executionType = reader.string("ExecutionType", false);
        if (executionType != null && !executionType.equals("STANDARD") && !executionType.equals("EXPRESS")) {
            problems.schema(reader.pointer("ExecutionType"), "The value must be one of STANDARD, EXPRESS but was '" + executionType + "'");
        }
        if (mode == null || mode.equals("INLINE")) return MapState.ProcessorMode.INLINE;
        if (mode.equals("DISTRIBUTED")) return MapState.ProcessorMode.DISTRIBUTED;
        problems.schema(reader.pointer("Mode"), "The value must be one of INLINE, DISTRIBUTED but was '" + mode + "'");
        return MapState.ProcessorMode.INLINE;
    }

    private static IntegerField integerField(ObjectReader state, String field) {
        Long value = state.integer(field, 0);
        JsonPathExpression path = state.path(field + "Path");
        if (state.has(field) && state.has(field + "Path")) {
            state.problems().schema(state.pointer(), "The fields '" + field + "' and '" + field + "Path' cannot both be present");
        }
        return value == null && path == null ? IntegerField.NONE : new IntegerField(value == null ? null : value.doubleValue(), path);
    }

    private static IntegerField numberField(ObjectReader state, String field) {
        Double value = state.number(field, 0, 100);
        JsonPathExpression path = state.path(field + "Path");
        if (state.has(field) && state.has(field + "Path")) {
            state.problems().schema(state.pointer(), "The fields '" + field + "' and '" + field + "Path' cannot both be present");
        }
        return value == null && path == null ? IntegerField.NONE : new IntegerField(value, path);
    }

    private static ResultHandling result(ObjectReader state) {
        return new ResultHandling(state.template("ResultSelector"), state.resultPath("ResultPath"));
    }

    private static ErrorHandling errorHandling(ObjectReader state, List<Transition> transitions) {
        return ErrorHandlingParser.parse(state, transitions);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) all.addAll(set);
        return all;
    }
}
