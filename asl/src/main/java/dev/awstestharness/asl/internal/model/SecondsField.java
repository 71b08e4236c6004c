package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.path.JsonPathExpression;

/**
 * {@code TimeoutSeconds}/{@code HeartbeatSeconds}: a literal, a {@code ...Path} (JSONPath) or a JSONata expression.
 */
public record SecondsField(Long seconds, JsonPathExpression path, JsonataTemplate expression) {
    public static final SecondsField NONE = new SecondsField(null, null, null);

    public boolean isSet() {
        return seconds != null || path != null || expression != null;
    }
}
