package dev.awstestharness.asl.internal.model;

import java.util.List;

/** One entry of a state's {@code Catch}: its {@code io} holds ResultPath and Assign (JSONPath) or Output and Assign (JSONata). */
public record Catcher(List<String> errorEquals, String next, StateIo io) {
    public boolean handles(String error) {
        return ErrorMatching.matches(errorEquals, error);
    }
}
