package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.jsonata.JsonataException;
import dev.awstestharness.asl.internal.model.PathField;
import dev.awstestharness.asl.internal.model.ResultPathField;
import dev.awstestharness.asl.internal.model.State;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.EvaluationException;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import dev.awstestharness.asl.internal.path.ReferencePath;
import java.time.Instant;
import java.util.Map;

/**
 * One entry into a state: the state, its frame, the id of its {@code ...StateEntered} event (which AWS quotes in
 * runtime errors) and what the context object shows about it. Offers the input/output processing steps with AWS's
 * error reporting.
 */
final class StateEntry {
    /** The payload size limit of Step Functions, 256 KiB. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    final State state;
    final Frame frame;
    final long enteredEventId;
    final Instant enteredTime;
    private int retryCount;
    private String taskToken;
    private JsonNode context;

    StateEntry(State state, Frame frame, long enteredEventId, Instant enteredTime) {
        this.state = state;
        this.frame = frame;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    String name() {
        return state.name();
    }

    ExecutionRun run() {
        return frame.run;
    }

    int retryCount() {
        return retryCount;
    }

    void retryCount(int retryCount) {
        this.retryCount = retryCount;
        this.context = null;
    }

    void taskToken(String taskToken) {
        this.taskToken = taskToken;
        this.context = null;
    }

    /** The context object ({@code $$}) as this state sees it, built on first use. */
    JsonNode context() {
        if (context == null) context = frame.run.contextObject(name(), enteredTime, retryCount, taskToken, null);
        return context;
    }

    /** The scope of JSONPath expressions: {@code $} is {@code input}. */
    DataScope scope(JsonNode input) {
        return new EntryScope(input, this, null, null, null);
    }

    /** The scope of JSONata expressions: {@code $states.input}, {@code .result}, {@code .errorOutput} ({@code null} when absent). */
    DataScope jsonataScope(JsonNode input, JsonNode result, JsonNode errorOutput) {
        return new EntryScope(input, this, null, result, errorOutput);
    }

    /** A scope whose context object also has {@code Map.Item} (for ItemSelector). */
    DataScope mapItemScope(JsonNode input, int index, JsonNode value) {
        ObjectNode item = Json.object();
        item.put("Index", index);
        item.set("Value", value);
        return new EntryScope(input, this, frame.run.contextObject(name(), enteredTime, retryCount, taskToken, item), null, null);
    }

    private record EntryScope(JsonNode input, StateEntry entry, JsonNode fixedContext, JsonNode result, JsonNode errorOutput)
            implements DataScope {
        @Override
        public JsonNode context() {
            return fixedContext != null ? fixedContext : entry.context();
        }

        @Override
        public JsonNode variable(String name) {
            return entry.frame.variables.get(name);
        }

        @Override
        public Map<String, JsonNode> variables() {
            return entry.frame.variables.visible();
        }
    }

    /** Sets the variables a state assigned, once the state is done; {@code null} assigns nothing. */
    void assign(JsonNode assignments) {
        if (assignments == null || assignments.isEmpty()) return;
        if (JsonSize.exceeds(assignments, MAX_PAYLOAD_BYTES)) {
            throw runtimeError("The variables assigned by the state exceed the maximum size of " + MAX_PAYLOAD_BYTES + " bytes");
        }
        frame.variables.assign(assignments);
    }

    /**
     * The States error for a failure of an expression of this state: {@code States.Runtime} for JSONPath,
     * {@code States.QueryEvaluationError} for JSONata; other failures unchanged.
     */
    Throwable asStatesError(Throwable failure) {
        if (failure instanceof EvaluationException evaluation) return runtimeError(evaluation.getMessage());
        if (failure instanceof JsonataException jsonata) return queryError(jsonata.getMessage());
        return failure;
    }

    /** A {@code States.QueryEvaluationError} with AWS's prefix naming this state and its entered event. */
    StatesError queryError(String message) {
        return new StatesError(StatesErrors.QUERY_EVALUATION_ERROR, prefix() + message);
    }

    private String prefix() {
        return "An error occurred while executing the state '" + name() + "' (entered at the event id #" + enteredEventId + "). ";
    }

    /** A {@code States.Runtime} error with AWS's prefix naming this state and its entered event. */
    StatesError runtimeError(String message) {
        return new StatesError(StatesErrors.RUNTIME, prefix() + message);
    }

    /** Applies InputPath, OutputPath or ItemsPath. */
    JsonNode select(PathField field, JsonNode document) {
        try {
            return field.select(scope(document));
        } catch (PathNotFoundException e) {
            throw runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
        }
    }

    JsonNode applyResultPath(ResultPathField resultPath, JsonNode rawInput, JsonNode result) {
        try {
            return resultPath.apply(rawInput, result);
        } catch (ReferencePath.MismatchException e) {
            throw new StatesError(StatesErrors.RESULT_PATH_MATCH_FAILURE, prefix() + e.getMessage());
        }
    }

    /** Records the {@code ...StateExited} event and the transition. */
    Outcome exit(JsonNode output, String next) {
        checkSize(output);
        frame.record(state.type() + "StateExited", "stateExitedEventDetails", "name", name(), "output", output);
        return new Outcome(next, output);
    }

    void checkSize(JsonNode output) {
        if (JsonSize.exceeds(output, MAX_PAYLOAD_BYTES)) {
            throw new StatesError(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
