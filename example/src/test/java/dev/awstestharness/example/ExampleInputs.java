package dev.awstestharness.example;

import java.util.LinkedHashMap;
import java.util.Map;

/** Inputs of the example state machine: {@code {"input": {"integrationType": ..., ...}}}. */
final class ExampleInputs {
    private ExampleInputs() {}

    /** The input that takes the branch {@code integrationType}, with {@code fields} beside it. */
    static Map<String, Object> input(String integrationType, Map<String, ?> fields) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("integrationType", integrationType);
        input.putAll(fields);
        return Map.of("input", input);
    }
}
