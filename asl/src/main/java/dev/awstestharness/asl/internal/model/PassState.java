package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code Result} (JSONPath only) is {@code null} when absent. */
public record PassState(StateHeader header, JsonNode result) implements State {
    @Override
    public String type() {
        return "Pass";
    }
}
