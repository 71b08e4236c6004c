package dev.awstestharness.doubles.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One call of a double, as it travels to the harness in the body of an events-queue message:
 * <pre>{@code {"invocationId": ..., "kind": "LAMBDA_FUNCTION", "target": "First", "payload": {...},
 *  "sessionId": ..., "taskToken": ...}}</pre>
 * ({@code sessionId} and {@code taskToken} are left out when {@code null}). The double state machine writes the same
 * shape from its definition.
 *
 * @param invocationId unique per call: the Lambda request id, the double execution's ARN, or a UUID for a container
 * @param kind what kind of double was called
 * @param target which double: the declared name ({@code First}), for a container {@code <family>#<container>}
 * @param payload what the double was called with: the Lambda event, the execution input, or for a container
 *     {@code {"commandArgs": [...], "environment": {...}}}; JSON {@code null} when there was none
 * @param sessionId the mocking session the double read when it was called; the harness ignores other sessions
 * @param taskToken for a state machine double, the token its result is sent back on; otherwise {@code null}
 */
public record Invocation(String invocationId, DoubleKind kind, String target, JsonNode payload, String sessionId, String taskToken) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Invocation {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        if (payload == null) payload = MAPPER.nullNode();
    }

    /** The key of this invocation's record in the results table: {@code <target>#<invocationId>}. */
    public String resultKey() {
        return ResultsTable.key(target, invocationId);
    }

    public String toJson() {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("invocationId", invocationId);
        body.put("kind", kind.name());
        body.put("target", target);
        body.set("payload", payload);
        if (sessionId != null) body.put("sessionId", sessionId);
        if (taskToken != null) body.put("taskToken", taskToken);
        return body.toString();
    }

    /** Reads a message body; throws IllegalArgumentException naming what is missing or malformed. */
    public static Invocation fromJson(String json) {
        JsonNode body;
        try {
            body = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An invocation message is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) throw new IllegalArgumentException("An invocation message must be a JSON object but was: " + json);
        String kindName = text(body, "kind", true);
        DoubleKind kind;
        try {
            kind = DoubleKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("An invocation message has the unknown kind '" + kindName + "'; known kinds are "
                    + java.util.Arrays.toString(DoubleKind.values()));
        }
        return new Invocation(text(body, "invocationId", true), kind, text(body, "target", true), body.get("payload"),
                text(body, "sessionId", false), text(body, "taskToken", false));
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) throw new IllegalArgumentException("An invocation message lacks '" + field + "': " + body);
            return null;
        }
        if (!value.isTextual()) throw new IllegalArgumentException("An invocation message's '" + field + "' must be a string: " + body);
        return value.textValue();
    }
}
