package dev.awstestharness.harness;

/** A state machine double's answer that makes its execution fail with {@code error} and {@code cause}. */
public record ExecutionFailure(String error, String cause) {
    public static ExecutionFailure of(String error, String cause) {
        return new ExecutionFailure(error, cause);
    }
}
