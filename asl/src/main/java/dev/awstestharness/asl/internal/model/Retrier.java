package dev.awstestharness.asl.internal.model;

import java.util.List;

/** One entry of a state's {@code Retry} field. */
public record Retrier(
        List<String> errorEquals,
        double intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Integer maxDelaySeconds,
        JitterStrategy jitterStrategy) {

    public enum JitterStrategy {
        FULL,
        NONE
    }

    public boolean handles(String error) {
        return ErrorMatching.matches(errorEquals, error);
    }
}
