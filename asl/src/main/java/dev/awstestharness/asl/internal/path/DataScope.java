package dev.awstestharness.asl.internal.path;

import com.fasterxml.jackson.databind.JsonNode;

/** The documents a path or intrinsic function can read: the state's input ({@code $}) and the context object ({@code $$}). */
public interface DataScope {
    JsonNode input();

    JsonNode context();

    /** The value of the workflow variable {@code name}, or {@code null} when it is not set. */
    default JsonNode variable(String name) {
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
