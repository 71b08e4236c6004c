package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB table double, addressed by its declared name. Items are plain JSON-like values (strings, numbers,
 * booleans, null, lists, maps), converted to and from DynamoDB's attribute values.
 */
public interface DynamoDbTable {
    /** The table's physical name. */
    String name();

    void put(Map<String, ?> item);

    /** The item with this key, or {@code null}. */
    JsonNode get(Map<String, ?> key);

    void delete(Map<String, ?> key);

    /** Every item. */
    List<JsonNode> scan();

    /** Deletes every item. */
    void empty();
}
