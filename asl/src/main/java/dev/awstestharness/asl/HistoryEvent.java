package dev.awstestharness.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.internal.json.Json;
import java.time.Instant;

/**
 * One event of an execution's history, with AWS's event types ({@code PassStateEntered}, {@code TaskSucceeded},
 * {@code ExecutionFailed}, ...) and details. The details are rendered on demand, as GetExecutionHistory shows them
 * ({@code input} and {@code output} as JSON strings).
 */
public final class HistoryEvent {
    private final long id;
    private final long previousEventId;
    private final Instant timestamp;
    private final String type;
    private final String detailsKey;
    private final Object[] details;

    /**
     * @param details alternating field names and values; a {@link JsonNode} value is rendered as a JSON string, as
     *     in AWS's history
     */
    public HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsKey, Object... details) {
        this.id = id;
        this.previousEventId = previousEventId;
        this.timestamp = timestamp;
        this.type = type;
        this.detailsKey = detailsKey;
        this.details = details;
    }

    public long id() {
        return id;
    }

    public long previousEventId() {
        return previousEventId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String type() {
        return type;
    }

    /** The name of the details field, e.g. {@code stateEnteredEventDetails}; {@code null} for events without details. */
    public String detailsKey() {
        return detailsKey;
    }

    /** The value of a detail field, or {@code null}. JSON values are returned as nodes, not strings. */
    public Object detail(String field) {
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i].equals(field)) return details[i + 1];
        }
        return null;
    }

    /** The details as GetExecutionHistory shows them, or an empty object. */
    public ObjectNode details() {
        ObjectNode node = Json.object();
        for (int i = 0; i + 1 < details.length; i += 2) {
            Object value = details[i + 1];
            String field = (String) details[i];
            if (value == null) continue;
            if (value instanceof JsonNode json) {
                node.put(field, Json.write(json));
                if (field.equals("input") || field.equals("output")) node.putObject(field + "Details").put("truncated", false);
            } else if (value instanceof Long number) {
                node.put(field, number);
            } else if (value instanceof Integer number) {
                node.put(field, number);
            } else if (value instanceof Boolean bool) {
                node.put(field, bool);
            } else {
                node.put(field, value.toString());
            }
        }
        return node;
    }

    /** The event as one element of GetExecutionHistory's {@code events}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("timestamp", timestamp.toEpochMilli() / 1000.0);
        node.put("type", type);
        node.put("id", id);
        node.put("previousEventId", previousEventId);
        if (detailsKey != null) node.set(detailsKey, details());
        return node;
    }

    @Override
    public String toString() {
        return id + " " + type + (detailsKey == null ? "" : " " + details());
    }
}
