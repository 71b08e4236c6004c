package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

/** The value of a key attribute (S, N or B), ordered as DynamoDB orders sort keys; {@link #NONE} for a table without a sort key. */
record KeyValue(JsonNode value) implements Comparable<KeyValue> {
    static final KeyValue NONE = new KeyValue(null);

    @Override
    public int compareTo(KeyValue other) {
        if (value == null || other.value == null) return value == null ? (other.value == null ? 0 : -1) : 1;
        Integer order = AttributeValues.compare(value, other.value);
        return order == null ? AttributeValues.type(value).compareTo(AttributeValues.type(other.value)) : order;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyValue key && compareTo(key) == 0;
    }

    @Override
    public int hashCode() {
        return value == null ? 0 : value.toString().hashCode();
    }
}
