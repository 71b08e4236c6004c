package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.path.JsonPathExpression;

/** A numeric Map field given as a literal, through a {@code ...Path} field, or as a JSONata expression. */
public record IntegerField(Double value, JsonPathExpression path, JsonataTemplate expression) {
    public static final IntegerField NONE = new IntegerField(null, null, null);

    public boolean isSet() {
        return value != null || path != null || expression != null;
    }
}
