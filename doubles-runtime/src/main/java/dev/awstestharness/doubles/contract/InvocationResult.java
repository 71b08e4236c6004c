package dev.awstestharness.doubles.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a twin decided for one invocation: a value to return, an error to throw (Lambda), a failure to end with
 * (state machine), or an exit code (container). Written to the results table as JSON; for state machine doubles
 * it becomes SendTaskSuccess / SendTaskFailure.
 */
public record InvocationResult(Outcome outcome, JsonNode value, String errorType, String errorMessage, String error, String cause,
        int exitCode) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Outcome {
        /** Return {@link #value()}. */
        VALUE,
        /**
         * Lambda: throw an error of type {@link #errorType()} ({@code Exception} when {@code null}) with
         * {@link #errorMessage()}. A container double given this outcome reports it on stderr and exits with 1.
         */
        THROW,
        /**
         * State machine: fail with {@link #error()} and {@link #cause()} (sent as SendTaskFailure). A Lambda double given
         * this outcome throws {@code error} with {@code cause} as message; a container reports it and exits with 1.
         */
        FAIL,
        /** Container: exit with {@link #exitCode()}. */
        EXIT
    }

    public static InvocationResult value(JsonNode value) {
        return new InvocationResult(Outcome.VALUE, value, null, null, null, null, 0);
    }

    public static InvocationResult thrown(String errorType, String errorMessage) {
        return new InvocationResult(Outcome.THROW, null, errorType, errorMessage, null, null, 0);
    }

    public static InvocationResult failure(String error, String cause) {
        return new InvocationResult(Outcome.FAIL, null, null, null, error, cause, 0);
    }

    public static InvocationResult exit(int exitCode) {
        return new InvocationResult(Outcome.EXIT, null, null, null, null, null, exitCode);
    }

    public String toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("outcome", outcome.name());
        switch (outcome) {
            case VALUE -> json.set("value", value == null ? MAPPER.nullNode() : value);
            case THROW -> json.put("errorType", errorType).put("errorMessage", errorMessage);
            case FAIL -> json.put("error", error).put("cause", cause);
            case EXIT -> json.put("exitCode", exitCode);
        }
        return json.toString();
    }

    /** Reads a stored result; throws IllegalArgumentException naming what is malformed. */
    public static InvocationResult fromJson(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An invocation result is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) throw new IllegalArgumentException("An invocation result must be a JSON object but was: " + text);
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(json.path("outcome").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("An invocation result has no valid 'outcome': " + text);
        }
        return switch (outcome) {
            case VALUE -> value(json.get("value"));
            case THROW -> thrown(json.path("errorType").asText(null), json.path("errorMessage").asText(null));
            case FAIL -> failure(json.path("error").asText(null), json.path("cause").asText(null));
            case EXIT -> exit(json.path("exitCode").asInt());
        };
    }
}
