package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.model.ChoiceRule;
import dev.awstestharness.asl.internal.model.ChoiceState;
import dev.awstestharness.asl.internal.model.DistributedMap;
import dev.awstestharness.asl.internal.model.ErrorHandling;
import dev.awstestharness.asl.internal.model.ErrorSource;
import dev.awstestharness.asl.internal.model.FailState;
import dev.awstestharness.asl.internal.model.IntegerField;
import dev.awstestharness.asl.internal.model.JsonPathIo;
import dev.awstestharness.asl.internal.model.JsonataIo;
import dev.awstestharness.asl.internal.model.MapState;
import dev.awstestharness.asl.internal.model.ParallelState;
import dev.awstestharness.asl.internal.model.PassState;
import dev.awstestharness.asl.internal.model.PathField;
import dev.awstestharness.asl.internal.model.QueryLanguage;
import dev.awstestharness.asl.internal.model.ResultPathField;
import dev.awstestharness.asl.internal.model.SecondsField;
import dev.awstestharness.asl.internal.model.State;
import dev.awstestharness.asl.internal.model.StateGraph;
import dev.awstestharness.asl.internal.model.StateHeader;
import dev.awstestharness.asl.internal.model.StateIo;
import dev.awstestharness.asl.internal.model.SucceedState;
import dev.awstestharness.asl.internal.model.TaskResource;
import dev.awstestharness.asl.internal.model.TaskState;
import dev.awstestharness.asl.internal.model.WaitState;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import dev.awstestharness.asl.internal.template.ValueExpression;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses one state of any type in either query language, reporting every problem it finds. */
final class StateParser {
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath", "Output");
    private static final Set<String> RESULT = Set.of("ResultPath", "ResultSelector", "Retry", "Catch");
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector",
            "ResultPath", "Result", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath",
            "CausePath", "ItemsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private static final Set<String> JSONATA_ONLY = Set.of("Output", "Arguments", "Items");
    private static final Set<String> DISTRIBUTED_ONLY = Set.of("ItemReader", "ItemBatcher", "ResultWriter");

    private final DefinitionParser definition;

    StateParser(DefinitionParser definition) {
        this.definition = definition;
    }

    State parse(String name, ObjectReader state, List<Transition> transitions, QueryLanguage inherited) {
        String type = state.string("Type", true);
        if (type == null) {
            keepNext(state, transitions);
            return null;
        }
        QueryLanguage language = language(state, inherited);
        Parse parse = new Parse(name, state, transitions, language);
        return switch (type) {
            case "Pass" -> parse.pass();
            case "Task" -> parse.task();
            case "Choice" -> parse.choice();
            case "Wait" -> parse.waitState();
            case "Succeed" -> parse.succeed();
            case "Fail" -> parse.fail();
            case "Parallel" -> parse.parallel();
            case "Map" -> parse.map();
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

    /** The language of a state; a JSONata state machine cannot have JSONPath states. */
    static QueryLanguage language(ObjectReader reader, QueryLanguage inherited) {
        String name = reader.string("QueryLanguage", false);
        if (name == null) return inherited;
        QueryLanguage language = QueryLanguage.of(name);
        if (language == null) {
            reader.problems().schema(reader.pointer("QueryLanguage"), "The value must be one of JSONPath, JSONata but was '" + name + "'");
            return inherited;
        }
        if (inherited == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
            reader.problems().schema(reader.pointer("QueryLanguage"),
                    "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata");
        }
        return language;
    }

    /** The parse of one state: its reader, transitions and language. */
    private final class Parse {
        private final String name;
        private final ObjectReader state;
        private final List<Transition> transitions;
        private final QueryLanguage language;

        Parse(String name, ObjectReader state, List<Transition> transitions, QueryLanguage language) {
            this.name = name;
            this.state = state;
            this.transitions = transitions;
            this.language = language;
        }

        private boolean jsonata() {
            return language == QueryLanguage.JSONATA;
        }

        /** Reports unknown fields, fields of the other query language and fields not supported yet. */
        private void checkFields(String what, Set<String> allowed) {
            state.checkFields(allowed, Set.of(), what);
            for (String field : allowed) {
                if (!state.has(field)) continue;
                if (jsonata() && JSONPATH_ONLY.contains(field)) {
                    state.problems().schema(state.pointer(field), "The field '" + field + "' is not supported in JSONata states");
                } else if (!jsonata() && JSONATA_ONLY.contains(field)) {
                    state.problems().schema(state.pointer(field),
                            "The field '" + field + "' is only supported in JSONata states (set QueryLanguage to JSONata)");
                }
            }
        }

        private String next() {
            String next = state.string("Next", false);
            Boolean end = state.bool("End");
            boolean endOfWrongType = end == null && state.has("End"); // reported by bool()
            if (next != null && Boolean.TRUE.equals(end)) {
                state.problems().schema(state.pointer(), "A state cannot have both 'Next' and 'End': true");
            } else if (next == null && !Boolean.TRUE.equals(end) && !state.has("Next") && !endOfWrongType) {
                state.problems().schema(state.pointer(), "A state needs either 'Next' or 'End': true");
            }
            if (next != null) transitions.add(new Transition(next, state.pointer("Next")));
            return next;
        }

        /** The input/output fields of this state's language; {@code withParameters}: Parameters/Arguments are allowed. */
        private StateIo io(boolean withParameters) {
            if (jsonata()) {
                return new JsonataIo(withParameters ? state.jsonata("Arguments") : null, state.jsonata("Output"),
                        AssignParser.jsonata(state));
            }
            return new JsonPathIo(state.pathField("InputPath"), withParameters ? state.template("Parameters") : null,
                    state.template("ResultSelector"), state.resultPath("ResultPath"), state.pathField("OutputPath"),
                    AssignParser.jsonPath(state));
        }

        State pass() {
            checkFields("a Pass state", union(COMMON, FLOW, IO, Set.of("Parameters", "Result", "ResultPath", "Assign")));
            return new PassState(new StateHeader(name, next(), io(true)), jsonata() ? null : state.raw("Result"));
        }

        State succeed() {
            checkFields("a Succeed state", union(COMMON, IO));
            return new SucceedState(new StateHeader(name, null, io(false)));
        }

        State task() {
            checkFields("a Task state", union(COMMON, FLOW, IO, RESULT, Set.of("Parameters", "Arguments", "Assign", "Resource",
                    "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials")));
            String next = next();
            String resource = state.string("Resource", true);
            if (resource != null && !resource.startsWith("arn:")) {
                state.problems().schema(state.pointer("Resource"), "The value for the field 'Resource' must be an ARN but was '" + resource + "'");
            }
            SecondsField timeout = state.seconds("TimeoutSeconds");
            SecondsField heartbeat = state.seconds("HeartbeatSeconds");
            if (timeout.seconds() != null && heartbeat.seconds() != null && heartbeat.seconds() >= timeout.seconds()) {
                state.problems().schema(state.pointer("HeartbeatSeconds"), "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'");
            }
            return new TaskState(new StateHeader(name, next, io(true)), resource == null ? null : TaskResource.parse(resource), errorHandling(), timeout, heartbeat,
                    state.raw("Credentials"));
        }

        State choice() {
            checkFields("a Choice state", union(COMMON, IO, Set.of("Choices", "Default", "Assign")));
            StateIo io = io(false);
            JsonNode choices = state.raw("Choices");
            List<ChoiceState.Branch> branches = new ArrayList<>();
            if (choices == null || !choices.isArray() || choices.isEmpty()) {
                state.problems().schema(choices == null ? state.location() : state.pointer("Choices"),
                        "A Choice state needs a non-empty 'Choices' array");
            } else {
                for (int i = 0; i < choices.size(); i++) {
                    String pointer = state.pointer("Choices") + "[" + i + "]";
                    ChoiceRule rule = ChoiceRuleParser.parse(choices.get(i), pointer, state.problems(), true, language);
                    if (!choices.get(i).isObject()) continue;
                    JsonNode next = choices.get(i).get("Next");
                    if (next == null || !next.isTextual()) {
                        state.problems().schema(pointer, "A Choice rule needs a 'Next' state name");
                        continue;
                    }
                    transitions.add(new Transition(next.textValue(), pointer + "/Next"));
                    if (rule != null) branches.add(new ChoiceState.Branch(rule, next.textValue(), ruleIo(choices.get(i), pointer, io)));
                }
            }
            String defaultNext = state.string("Default", false);
            if (defaultNext != null) transitions.add(new Transition(defaultNext, state.pointer("Default")));
            return new ChoiceState(new StateHeader(name, null, io), List.copyOf(branches), defaultNext);
        }

        /** A matched rule's Assign and Output; the state's InputPath and OutputPath still apply in JSONPath. */
        private StateIo ruleIo(JsonNode rule, String pointer, StateIo stateIo) {
            ObjectReader reader = new ObjectReader(rule, pointer, state.problems());
            if (jsonata()) return new JsonataIo(null, reader.jsonata("Output"), AssignParser.jsonata(reader));
            JsonPathIo io = (JsonPathIo) stateIo;
            return new JsonPathIo(io.inputPath(), null, null, ResultPathField.REPLACE, io.outputPath(), AssignParser.jsonPath(reader));
        }

        State waitState() {
            checkFields("a Wait state", union(COMMON, FLOW, IO, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign")));
            String next = next();
            int count = 0;
            for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
                if (state.has(field)) count++;
            }
            if (count != 1) {
                state.problems().schema(state.location(), "A Wait state needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
            }
            JsonataTemplate secondsExpression = jsonata() ? state.expressionIn("Seconds") : null;
            JsonataTemplate timestampExpression = jsonata() ? state.expressionIn("Timestamp") : null;
            Long seconds = secondsExpression == null ? state.integer("Seconds", 0) : null;
            OffsetDateTime timestamp = null;
            String timestampText = timestampExpression == null ? state.string("Timestamp", false) : null;
            if (timestampText != null) {
                timestamp = ChoiceRule.parseTimestamp(timestampText);
                if (timestamp == null) {
                    state.problems().schema(state.pointer("Timestamp"), "The value for the field 'Timestamp' must be an RFC3339 timestamp");
                }
            }
            return new WaitState(new StateHeader(name, next, io(false)), seconds, timestamp, state.path("SecondsPath"),
                    state.path("TimestampPath"), secondsExpression, timestampExpression);
        }

        State fail() {
            checkFields("a Fail state", union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")));
            for (String field : List.of("Error", "Cause")) {
                if (state.has(field) && state.has(field + "Path")) {
                    state.problems().schema(state.location(), "The fields '" + field + "' and '" + field + "Path' cannot both be present");
                }
            }
            return new FailState(new StateHeader(name, null, jsonata() ? JsonataIo.DEFAULT : JsonPathIo.DEFAULT),
                    errorSource("Error"), errorSource("Cause"));
        }

        private ErrorSource errorSource(String field) {
            if (jsonata()) {
                JsonataTemplate expression = state.expressionIn(field);
                if (expression != null) return new ErrorSource.Jsonata(field, expression);
            }
            String literal = state.string(field, false);
            if (literal != null) return new ErrorSource.Literal(field, literal);
            String path = state.string(field + "Path", false);
            if (path == null) return null;
            try {
                return new ErrorSource.Path(field + "Path", ValueExpression.compile(path));
            } catch (IllegalArgumentException e) {
                state.problems().schema(state.pointer(field + "Path"), "The value for the field '" + field
                        + "Path' must be a valid JSONPath or a valid intrinsic function call: " + e.getMessage());
                return null;
            }
        }

        State parallel() {
            checkFields("a Parallel state", union(COMMON, FLOW, IO, RESULT, Set.of("Parameters", "Arguments", "Assign", "Branches")));
            String next = next();
            JsonNode branchesField = state.raw("Branches");
            List<StateGraph> branches = new ArrayList<>();
            if (branchesField == null || !branchesField.isArray() || branchesField.isEmpty()) {
                state.problems().schema(branchesField == null ? state.location() : state.pointer("Branches"),
                        "A Parallel state needs a non-empty 'Branches' array");
            } else {
                for (int i = 0; i < branchesField.size(); i++) {
                    StateGraph branch = definition.graph(branchesField.get(i), state.pointer("Branches") + "[" + i + "]", Set.of());
                    if (branch != null) branches.add(branch);
                }
            }
            return new ParallelState(new StateHeader(name, next, io(true)), List.copyOf(branches), errorHandling());
        }

        State map() {
            checkFields("a Map state", union(COMMON, FLOW, IO, RESULT, DISTRIBUTED_ONLY, Set.of("Parameters", "ItemSelector", "ItemsPath",
                    "Items", "Iterator", "ItemProcessor", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
                    "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label", "Assign")));
            String next = next();
            if (state.has("Parameters") && state.has("ItemSelector")) {
                state.problems().schema(state.location(), "The fields 'Parameters' and 'ItemSelector' cannot both be present");
            }
            String processorField = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            if (state.has("ItemProcessor") && state.has("Iterator")) {
                state.problems().schema(state.location(), "The fields 'ItemProcessor' and 'Iterator' cannot both be present");
            }
            StateGraph processor = null;
            MapState.ProcessorMode mode = MapState.ProcessorMode.INLINE;
            JsonNode processorNode = state.raw(processorField);
            if (processorNode == null) {
                state.problems().schema(state.location(), "A Map state needs an 'ItemProcessor'");
            } else {
                processor = definition.graph(processorNode, state.pointer(processorField), Set.of("ProcessorConfig"));
                mode = processorMode(processorNode, state.pointer(processorField), state.problems());
            }
            DistributedMap distributed = null;
            if (mode == MapState.ProcessorMode.DISTRIBUTED) {
                distributed = new DistributedMapParser(state, language).parse(executionType(processorNode));
            } else {
                for (String field : DISTRIBUTED_ONLY) {
                    if (state.has(field)) {
                        state.problems().schema(state.pointer(field),
                                "The field '" + field + "' is only supported in a distributed Map (ProcessorConfig Mode DISTRIBUTED)");
                    }
                }
            }
            return new MapState(new StateHeader(name, next, io(false)),
                    jsonata() ? PathField.WHOLE : state.pathField("ItemsPath"),
                    jsonata() ? state.jsonata("Items") : null,
                    jsonata() ? null : state.has("ItemSelector") ? state.template("ItemSelector") : state.template("Parameters"),
                    jsonata() ? state.jsonata("ItemSelector") : null,
                    processor, mode,
                    integerField("MaxConcurrency", false),
                    integerField("ToleratedFailureCount", false),
                    integerField("ToleratedFailurePercentage", true),
                    distributed,
                    errorHandling());
        }

        private IntegerField integerField(String field, boolean percentage) {
            return StateParser.integerField(state, field, percentage, language);
        }

        private ErrorHandling errorHandling() {
            return ErrorHandlingParser.parse(state, transitions, language);
        }
    }

    /** A numeric field given as a literal, a {@code ...Path} (JSONPath) or an expression (JSONata). */
    static IntegerField integerField(ObjectReader reader, String field, boolean percentage, QueryLanguage language) {
        JsonataTemplate expression = language == QueryLanguage.JSONATA ? reader.expressionIn(field) : null;
        Double value = null;
        if (expression == null) {
            if (percentage) {
                value = reader.number(field, 0, 100);
            } else {
                Long integer = reader.integer(field, 0);
                value = integer == null ? null : integer.doubleValue();
            }
        }
        JsonPathExpression path = reader.path(field + "Path");
        if (reader.has(field) && reader.has(field + "Path")) {
            reader.problems().schema(reader.location(), "The fields '" + field + "' and '" + field + "Path' cannot both be present");
        }
        return value == null && path == null && expression == null ? IntegerField.NONE : new IntegerField(value, path, expression);
    }

    private static DistributedMap.ExecutionType executionType(JsonNode processor) {
        JsonNode config = processor.get("ProcessorConfig");
        JsonNode type = config == null ? null : config.get("ExecutionType");
        return type != null && "EXPRESS".equals(type.asText()) ? DistributedMap.ExecutionType.EXPRESS : DistributedMap.ExecutionType.STANDARD;
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

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) all.addAll(set);
        return all;
    }
}
