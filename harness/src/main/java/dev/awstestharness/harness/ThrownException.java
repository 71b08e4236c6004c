package dev.awstestharness.harness;

import java.util.Objects;

/**
 * A Lambda function double's answer that makes the function fail, as a function that throws does: the state machine
 * sees the error type as the error ({@code Exception} unless given) and {@code {"errorMessage": ..., "errorType": ...}}
 * as the cause.
 */
public record ThrownException(String errorType, String message) {
    public static final String DEFAULT_ERROR_TYPE = "Exception";

    public ThrownException {
        Objects.requireNonNull(errorType, "errorType");
    }

    /** Fails with error type {@code Exception} and {@code message}. */
    public static ThrownException withMessage(String message) {
        return new ThrownException(DEFAULT_ERROR_TYPE, message);
    }

    /** The same failure with another error type, e.g. {@code Lambda.TooManyRequestsException} or {@code OrderRejected}. */
    public ThrownException ofType(String type) {
        return new ThrownException(type, message);
    }
}
