package dev.awstestharness.asl.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The documents an expression can read: the state's input ({@code $}, {@code $states.input}), the context object
 * ({@code $$}, {@code $states.context}), the workflow variables in scope, and in JSONata the state's result and
 * error output.
 */
public interface DataScope {
    JsonNode input();

    JsonNode context();

    /** The value of the workflow variable {@code name}, or {@code null} when it is not set. */
    default JsonNode variable(String name) {
        return null;
    }

    /** Every variable in scope by name, inner scopes hiding outer ones. */
    default Map<String, JsonNode> variables() {
        return Map.of();
    }

    /** {@code $states.result}: the result of a Task, Parallel or Map state, or {@code null}. */
    default JsonNode result() {
        return null;
    }

    /** {@code $states.errorOutput}: the error output in a Catcher, or {@code null}. */
    default JsonNode errorOutput() {
        return null;
    }

    static DataScope of(JsonNode input, JsonNode context) {
        return new DataScope() {
            @Override
            public JsonNode input() {
                return input;
            }

            @Override
            public JsonNode context() {
                return context;
            }
        };
    }
}
