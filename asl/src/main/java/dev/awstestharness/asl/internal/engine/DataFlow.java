package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.Catcher;
import dev.awstestharness.asl.internal.model.JsonPathIo;
import dev.awstestharness.asl.internal.model.JsonataIo;
import dev.awstestharness.asl.internal.model.StateIo;
import dev.awstestharness.asl.internal.path.DataScope;

/**
 * The input and output processing of a state in its query language. JSONPath: InputPath and Parameters before the
 * work, ResultSelector, Assign, ResultPath and OutputPath after it. JSONata: Arguments before, Assign and Output
 * after. In both, every expression of a state sees the variables as they were when the state was entered.
 */
final class DataFlow {
    private DataFlow() {}

    /** What the state's work gets: a task's parameters, the branches' input, a Pass state's result. */
    static JsonNode effectiveInput(StateEntry entry, StateIo io, JsonNode rawInput) {
        if (io instanceof JsonPathIo jsonPath) {
            JsonNode input = entry.select(jsonPath.inputPath(), rawInput);
            return jsonPath.parameters() == null ? input : jsonPath.parameters().evaluate(entry.scope(input));
        }
        JsonataIo jsonata = (JsonataIo) io;
        if (jsonata.arguments() == null) return rawInput;
        return jsonata.arguments().evaluate(entry.jsonataScope(rawInput, null, null), "Arguments");
    }

    /** The input after InputPath (JSONPath) or the state input itself (JSONata). */
    static JsonNode filteredInput(StateEntry entry, StateIo io, JsonNode rawInput) {
        return io instanceof JsonPathIo jsonPath ? entry.select(jsonPath.inputPath(), rawInput) : rawInput;
    }

    /** Turns the state's result into its output, assigns its variables and records the exit. */
    static Outcome complete(StateEntry entry, StateIo io, JsonNode rawInput, JsonNode result, String next) {
        if (io instanceof JsonPathIo jsonPath) {
            JsonNode selected = jsonPath.resultSelector() == null ? result : jsonPath.resultSelector().evaluate(entry.scope(result));
            JsonNode assignments = jsonPath.assign() == null ? null : jsonPath.assign().evaluate(entry.scope(selected));
            JsonNode output = entry.select(jsonPath.outputPath(), entry.applyResultPath(jsonPath.resultPath(), rawInput, selected));
            entry.assign(assignments);
            return entry.exit(output, next);
        }
        JsonataIo jsonata = (JsonataIo) io;
        DataScope scope = entry.jsonataScope(rawInput, result, null);
        JsonNode assignments = jsonata.assign() == null ? null : jsonata.assign().evaluate(scope, "Assign");
        JsonNode output = jsonata.output() == null ? result : jsonata.output().evaluate(scope, "Output");
        entry.assign(assignments);
        return entry.exit(output, next);
    }

    /** The output of a caught error: ResultPath (JSONPath) or Output (JSONata), with the catcher's Assign. */
    static Outcome caught(StateEntry entry, Catcher catcher, int index, JsonNode rawInput, StatesError error) {
        ObjectNode errorOutput = errorOutput(error);
        if (catcher.io() instanceof JsonPathIo jsonPath) {
            JsonNode assignments = jsonPath.assign() == null ? null : jsonPath.assign().evaluate(entry.scope(errorOutput));
            JsonNode output = entry.applyResultPath(jsonPath.resultPath(), rawInput, errorOutput);
            entry.assign(assignments);
            return entry.exit(output, catcher.next());
        }
        JsonataIo jsonata = (JsonataIo) catcher.io();
        DataScope scope = entry.jsonataScope(rawInput, null, errorOutput);
        String field = "Catch[" + index + "]/";
        JsonNode assignments = jsonata.assign() == null ? null : jsonata.assign().evaluate(scope, field + "Assign");
        JsonNode output = jsonata.output() == null ? errorOutput : jsonata.output().evaluate(scope, field + "Output");
        entry.assign(assignments);
        return entry.exit(output, catcher.next());
    }

    /** The {@code {"Error", "Cause"}} object a catcher passes on. */
    static ObjectNode errorOutput(StatesError error) {
        ObjectNode output = Json.object();
        if (error.error() != null) output.put("Error", error.error());
        if (error.cause() != null) output.put("Cause", error.cause());
        return output;
    }
}
