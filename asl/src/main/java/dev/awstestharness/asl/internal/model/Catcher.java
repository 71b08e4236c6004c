package dev.awstestharness.asl.internal.model;

import java.util.List;

/** One entry of a state's {@code Catch} field. */
public record Catcher(List<String> errorEquals, String next, ResultPathField resultPath) {
    public boolean handles(String error) {
        return ErrorMatching.matches(errorEquals, error);
    }
}
