package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.path.JsonPathExpression;

/** {@code TimeoutSeconds}/{@code TimeoutSecondsPath} or {@code HeartbeatSeconds}/{@code HeartbeatSecondsPath}. */
public record SecondsField(Long seconds, JsonPathExpression path) {
    public static final SecondsField NONE = new SecondsField(null, null);

    public boolean isSet() {
        return seconds != null || path != null;
    }
}
