package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Credentials} is {@code null} when absent; the resource ARN is parsed once, with the definition. */
public record TaskState(
        StateHeader header,
        TaskResource resource,
        ErrorHandling errorHandling,
        SecondsField timeout,
        SecondsField heartbeat,
        JsonNode credentials)
        implements State {
    @Override
    public String type() {
        return "Task";
    }
}
