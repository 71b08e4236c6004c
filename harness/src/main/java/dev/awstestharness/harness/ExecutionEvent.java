package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of an execution's history as GetExecutionHistory reports it: its type ({@code TaskStateEntered},
 * {@code ExecutionFailed}, ...), id, previous event id, and details (the {@code ...EventDetails} object, or an empty one).
 */
public record ExecutionEvent(long id, long previousEventId, String type, JsonNode details) {
    /** The state this event is about ({@code details.name}), or {@code null}. */
    public String stateName() {
        JsonNode name = details.get("name");
        return name == null ? null : name.asText();
    }
}
