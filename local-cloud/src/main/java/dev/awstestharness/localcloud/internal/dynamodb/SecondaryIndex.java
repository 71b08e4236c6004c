package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A global or local secondary index: its key and projection. Its items are computed from the table's on each read
 * (the items that have the index's key attributes), so an index is always consistent with its table.
 */
record SecondaryIndex(String name, boolean global, KeySchema key, String projectionType, Set<String> nonKeyAttributes, ObjectNode definition) {
    static SecondaryIndex parse(JsonNode definition, boolean global, KeySchema tableKey, Map<String, String> types) {
        String name = definition.path("IndexName").asText(null);
        if (name == null || name.length() < 3) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + name
                    + "' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }
        KeySchema key = KeySchema.parse(definition.get("KeySchema"), types, global ? "globalSecondaryIndexes.1.member.keySchema" : "localSecondaryIndexes.1.member.keySchema");
        if (!global && !key.hashName().equals(tableKey.hashName())) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                    + name + ". index hash key: " + key.hashName() + ", table hash key: " + tableKey.hashName());
        }
        JsonNode projection = definition.get("Projection");
        String type = projection == null ? null : projection.path("ProjectionType").asText(null);
        if (type == null) throw DynamoDbErrors.validation("One or more parameter values were invalid: Unknown ProjectionType: null");
        if (!Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Unknown ProjectionType: " + type);
        }
        Set<String> included = new HashSet<>();
        JsonNode nonKey = projection.get("NonKeyAttributes");
        if (nonKey != null && nonKey.isArray()) nonKey.forEach(attribute -> included.add(attribute.asText()));
        if (type.equals("INCLUDE") && included.isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        return new SecondaryIndex(name, global, key, type, included, (ObjectNode) definition.deepCopy());
    }

    boolean contains(JsonNode item) {
        return item.has(key.hashName()) && (!key.hasRange() || item.has(key.rangeName()))
                && AttributeValues.type(item.get(key.hashName())).equals(key.hashType())
                && (!key.hasRange() || AttributeValues.type(item.get(key.rangeName())).equals(key.rangeType()));
    }

    /** The item as the index stores it (only projected attributes). */
    ObjectNode project(JsonNode item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) return (ObjectNode) item;
        ObjectNode projected = LocalJson.object();
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            String attribute = entry.getKey();
            if (key.isKeyAttribute(attribute) || tableKey.isKeyAttribute(attribute) || nonKeyAttributes.contains(attribute)) {
                projected.set(attribute, entry.getValue());
            }
        }
        return projected;
    }

    ObjectNode describe(long itemCount) {
        ObjectNode description = LocalJson.object();
        description.put("IndexName", name);
        description.set("KeySchema", key.describe());
        description.set("Projection", definition.get("Projection"));
        if (global) {
            description.put("IndexStatus", "ACTIVE");
            JsonNode throughput = definition.get("ProvisionedThroughput");
            ObjectNode provisioned = description.putObject("ProvisionedThroughput");
            provisioned.put("NumberOfDecreasesToday", 0);
            provisioned.put("ReadCapacityUnits", throughput == null ? 0 : throughput.path("ReadCapacityUnits").asLong());
            provisioned.put("WriteCapacityUnits", throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong());
        }
        description.put("IndexSizeBytes", 0);
        description.put("ItemCount", itemCount);
        return description;
    }
}
