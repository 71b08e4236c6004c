package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.path.JsonPathExpression;

/** A numeric Map field given either as a literal or through a {@code ...Path} field. */
public record IntegerField(Double value, JsonPathExpression path) {
    public static final IntegerField NONE = new IntegerField(null, null);

    public boolean isSet() {
        return value != null || path != null;
    }
}
