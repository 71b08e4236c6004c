package dev.awstestharness.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Helpers for tests that run definitions through the public API. */
final class Machines {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Machines() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Execution run(Interpreter interpreter, String definition, String input) {
        return interpreter.start(StateMachineDefinition.parse(definition),
                ExecutionRequest.of("Machine", "run-" + UUID.randomUUID(), json(input))).await(Duration.ofSeconds(10));
    }

    static Execution start(Interpreter interpreter, String definition, String input) {
        return interpreter.start(StateMachineDefinition.parse(definition),
                ExecutionRequest.of("Machine", "run-" + UUID.randomUUID(), json(input)));
    }

    static List<String> eventTypes(Execution execution) {
        return execution.history().stream().map(HistoryEvent::type).toList();
    }
}
