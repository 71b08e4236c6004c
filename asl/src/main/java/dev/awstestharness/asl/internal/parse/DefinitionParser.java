package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.InvalidDefinitionException;
import dev.awstestharness.asl.internal.model.QueryLanguage;
import dev.awstestharness.asl.internal.model.State;
import dev.awstestharness.asl.internal.model.StateGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a definition document into the compiled model, checking it as CreateStateMachine does: field names and types,
 * paths and intrinsic calls, transition targets, reachability, terminal states and unique state names.
 */
public final class DefinitionParser {
    private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage");
    private static final int MAX_STATE_NAME_LENGTH = 80;

    /** The parsed top level of a definition. {@code timeoutSeconds} is {@code null} when absent. */
    public record ParsedDefinition(StateGraph graph, Long timeoutSeconds, String comment) {}

    private final Problems problems = new Problems();
    private final Map<String, String> stateNames = new HashMap<>();
    private final StateParser stateParser = new StateParser(this);
    /** The state machine's QueryLanguage, which every state without its own inherits, also inside branches. */
    private QueryLanguage language = QueryLanguage.JSONPATH;

    private DefinitionParser() {}

    /** Parses and validates; throws {@link InvalidDefinitionException} listing every problem. */
    public static ParsedDefinition parse(JsonNode document) {
        DefinitionParser parser = new DefinitionParser();
        ParsedDefinition parsed = parser.top(document);
        if (!parser.problems.isEmpty()) throw new InvalidDefinitionException(parser.problems.list());
        return parsed;
    }

    private ParsedDefinition top(JsonNode document) {
        if (document == null || !document.isObject()) {
            problems.add("INVALID_JSON_DESCRIPTION", "The definition must be a JSON object", null);
            return null;
        }
        ObjectReader top = new ObjectReader(document, "", problems);
        language = StateParser.language(top, QueryLanguage.JSONPATH);
        Long timeout = top.integer("TimeoutSeconds", 1);
        String comment = top.string("Comment", false);
        String version = top.string("Version", false);
        if (version != null && !version.equals("1.0")) {
            problems.schema("/Version", "The value for the field 'Version' must be '1.0'");
        }
        StateGraph graph = graph(document, "", Set.of("Version", "TimeoutSeconds", "QueryLanguage"));
        return new ParsedDefinition(graph, timeout, comment);
    }

    /** Parses {@code StartAt} + {@code States} at {@code pointer}; {@code extraFields} are the other fields allowed there. */
    StateGraph graph(JsonNode node, String pointer, Set<String> extraFields) {
        if (!node.isObject()) {
            problems.schema(pointer, "Expected value of type: Object");
            return null;
        }
        ObjectReader reader = new ObjectReader(node, pointer, problems);
        Set<String> allowed = new HashSet<>(extraFields);
        allowed.addAll(Set.of("Comment", "StartAt", "States"));
        reader.checkFields(pointer.isEmpty() ? TOP_LEVEL : allowed, Set.of(), "Step Functions");
        String startAt = reader.string("StartAt", true);
        JsonNode statesNode = node.get("States");
        if (statesNode == null) {
            problems.schema(pointer.isEmpty() ? "/" : pointer, "Missing required field 'States'");
            return null;
        }
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            problems.schema(pointer + "/States", "'States' must be a non-empty object");
            return null;
        }
        Map<String, State> states = new LinkedHashMap<>();
        Map<String, List<Transition>> transitionsByState = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String statePointer = pointer + "/States/" + name;
            checkName(name, statePointer);
            if (!entry.getValue().isObject()) {
                problems.schema(statePointer, "Expected value of type: Object");
                continue;
            }
            List<Transition> transitions = new ArrayList<>();
            State state = stateParser.parse(name, new ObjectReader(entry.getValue(), statePointer, problems), transitions, language);
            transitionsByState.put(name, transitions);
            if (state != null) states.put(name, state);
        }
        checkTransitions(pointer, startAt, statesNode, transitionsByState);
        return new StateGraph(startAt, Map.copyOf(states));
    }

    private void checkName(String name, String pointer) {
        if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
            problems.schema(pointer, "A state name must be 1 to " + MAX_STATE_NAME_LENGTH + " characters long");
        }
        String earlier = stateNames.putIfAbsent(name, pointer);
        if (earlier != null) {
            problems.add(Problems.DUPLICATE_NAME, "Duplicate State name: " + name, pointer);
        }
    }

    private void checkTransitions(String pointer, String startAt, JsonNode statesNode, Map<String, List<Transition>> transitionsByState) {
        if (startAt != null && !statesNode.has(startAt)) {
            problems.add(Problems.MISSING_TARGET, "Missing 'Next' target: " + startAt, pointer + "/StartAt");
        }
        for (List<Transition> transitions : transitionsByState.values()) {
            for (Transition transition : transitions) {
                if (!statesNode.has(transition.target())) {
                    problems.add(Problems.MISSING_TARGET, "Missing 'Next' target: " + transition.target(), transition.pointer());
                }
            }
        }
        boolean hasTerminal = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (isTerminal(entry.getValue())) hasTerminal = true;
        }
        if (!hasTerminal) {
            problems.add(Problems.MISSING_END, "Workflow has no terminal state", null);
            return;
        }
        if (startAt == null || !statesNode.has(startAt)) return;
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!reached.add(name)) continue;
            for (Transition transition : transitionsByState.getOrDefault(name, List.of())) pending.push(transition.target());
        }
        for (Iterator<String> it = statesNode.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!reached.contains(name)) {
                problems.add(Problems.MISSING_TARGET, "State \"" + name + "\" is not reachable.", pointer + "/States/" + name);
            }
        }
    }

    private static boolean isTerminal(JsonNode state) {
        JsonNode type = state.get("Type");
        if (type != null && (type.asText().equals("Succeed") || type.asText().equals("Fail"))) return true;
        JsonNode end = state.get("End");
        return end != null && end.asBoolean(false);
    }
}
