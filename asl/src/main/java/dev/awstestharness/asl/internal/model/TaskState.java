package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.template.PayloadTemplate;

/** {@code Parameters} and {@code Credentials} are {@code null} when absent. */
public record TaskState(
        StateHeader header,
        String resource,
        PayloadTemplate parameters,
        ResultHandling result,
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
