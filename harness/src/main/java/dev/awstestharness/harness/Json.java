package dev.awstestharness.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for tests: {@code json("{\"value\": 10}")} to compare with invocations and outputs. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** Parses JSON text; throws IllegalArgumentException saying why it is not JSON. */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage() + " in: " + text, e);
        }
    }

    /** Any value as JSON (maps, records, lists, strings, numbers, JsonNodes). */
    public static JsonNode toJson(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }
}
