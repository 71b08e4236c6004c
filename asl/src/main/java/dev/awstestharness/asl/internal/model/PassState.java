package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.template.PayloadTemplate;

/** {@code Parameters} and {@code Result} are {@code null} when absent. */
public record PassState(StateHeader header, PayloadTemplate parameters, JsonNode result, ResultPathField resultPath)
        implements State {
    @Override
    public String type() {
        return "Pass";
    }
}
