package dev.awstestharness.localcloud.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An error a service reports to its caller, as AWS does: an error type (the SDK's exception name without the
 * {@code Exception} suffix where AWS omits it, e.g. {@code StateMachineDoesNotExist}), a message and an HTTP status.
 */
public class AwsServiceException extends RuntimeException {
    private final String type;
    private final int status;
    private final Map<String, JsonNode> fields;

    public AwsServiceException(String type, String message) {
        this(type, message, 400);
    }

    public AwsServiceException(String type, String message, int status) {
        this(type, message, status, Map.of());
    }

    /** {@code fields}: the error's members besides its type and message, e.g. DynamoDB's {@code CancellationReasons}. */
    public AwsServiceException(String type, String message, int status, Map<String, JsonNode> fields) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.fields = Map.copyOf(fields);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The error's members besides its type and message (JSON protocols put them into the error body). */
    public Map<String, JsonNode> fields() {
        return fields;
    }

    /** Headers the error response carries besides the protocol's own, e.g. SQS's {@code x-amzn-query-error}. */
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public String toString() {
        return type + ": " + getMessage();
    }
}
