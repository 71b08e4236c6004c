package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table: its definition and its items, ordered by partition key and then sort key. Items are never changed in
 * place (a write replaces the item), so callers may read an item without copying it. Conditional writes hold the
 * table's lock around their read, check and write.
 */
final class Table {
    final String name;
    final String arn;
    final String tableId;
    final double createdAtSeconds;
    final KeySchema key;
    final ArrayNode attributeDefinitions;
    final String billingMode;
    final JsonNode provisionedThroughput;
    final Map<String, SecondaryIndex> indexes;
    private final TreeMap<KeyValue, TreeMap<KeyValue, ObjectNode>> items = new TreeMap<>();
    private String ttlAttribute;
    private boolean ttlEnabled;

    Table(String name, String arn, String tableId, double createdAtSeconds, KeySchema key, ArrayNode attributeDefinitions, String billingMode,
            JsonNode provisionedThroughput, Map<String, SecondaryIndex> indexes) {
        this.name = name;
        this.arn = arn;
        this.tableId = tableId;
        this.createdAtSeconds = createdAtSeconds;
        this.key = key;
        this.attributeDefinitions = attributeDefinitions;
        this.billingMode = billingMode;
        this.provisionedThroughput = provisionedThroughput;
        this.indexes = new LinkedHashMap<>(indexes);
    }

    synchronized ObjectNode get(PrimaryKey primaryKey) {
        TreeMap<KeyValue, ObjectNode> partition = items.get(primaryKey.hash());
        return partition == null ? null : partition.get(primaryKey.range());
    }

    /** Stores an item, returning the one it replaced. */
    synchronized ObjectNode put(PrimaryKey primaryKey, ObjectNode item) {
        return items.computeIfAbsent(primaryKey.hash(), hash -> new TreeMap<>()).put(primaryKey.range(), item);
    }

    synchronized ObjectNode delete(PrimaryKey primaryKey) {
        TreeMap<KeyValue, ObjectNode> partition = items.get(primaryKey.hash());
        if (partition == null) return null;
        ObjectNode removed = partition.remove(primaryKey.range());
        if (partition.isEmpty()) items.remove(primaryKey.hash());
        return removed;
    }

    /** The items of one partition in sort key order. */
    synchronized List<ObjectNode> partition(KeyValue hash) {
        TreeMap<KeyValue, ObjectNode> partition = items.get(hash);
        return partition == null ? List.of() : new ArrayList<>(partition.values());
    }

    /** Every item, in table order. */
    synchronized List<ObjectNode> all() {
        List<ObjectNode> all = new ArrayList<>();
        items.values().forEach(partition -> all.addAll(partition.values()));
        return all;
    }

    /** The items of an index, projected, in index order (index key, then table key). */
    List<ObjectNode> indexItems(SecondaryIndex index) {
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode item : all()) if (index.contains(item)) selected.add(index.project(item, key));
        selected.sort(order(index));
        return selected;
    }

    /** The order of the table's items, or of an index's ({@code null} for the table). */
    Comparator<JsonNode> order(SecondaryIndex index) {
        List<String> attributes = new ArrayList<>();
        if (index != null) {
            attributes.add(index.key().hashName());
            if (index.key().hasRange()) attributes.add(index.key().rangeName());
        }
        attributes.add(key.hashName());
        if (key.hasRange()) attributes.add(key.rangeName());
        return (a, b) -> {
            for (String attribute : attributes) {
                int order = keyValue(a, attribute).compareTo(keyValue(b, attribute));
                if (order != 0) return order;
            }
            return 0;
        };
    }

    private static KeyValue keyValue(JsonNode item, String attribute) {
        JsonNode value = item.get(attribute);
        return value == null ? KeyValue.NONE : new KeyValue(value);
    }

    synchronized long itemCount() {
        long count = 0;
        for (TreeMap<KeyValue, ObjectNode> partition : items.values()) count += partition.size();
        return count;
    }

    synchronized long sizeBytes() {
        long size = 0;
        for (TreeMap<KeyValue, ObjectNode> partition : items.values()) {
            for (ObjectNode item : partition.values()) size += AttributeValues.itemSize(item);
        }
        return size;
    }

    synchronized void timeToLive(String attribute, boolean enabled) {
        this.ttlAttribute = attribute;
        this.ttlEnabled = enabled;
    }

    synchronized ObjectNode describeTimeToLive() {
        ObjectNode description = LocalJson.object();
        description.put("TimeToLiveStatus", ttlEnabled ? "ENABLED" : "DISABLED");
        if (ttlEnabled && ttlAttribute != null) description.put("AttributeName", ttlAttribute);
        return description;
    }

    synchronized boolean timeToLiveEnabled() {
        return ttlEnabled;
    }

    /** The TableDescription of CreateTable, DescribeTable and DeleteTable. */
    ObjectNode describe(String status) {
        ObjectNode description = LocalJson.object();
        description.set("AttributeDefinitions", attributeDefinitions);
        description.put("TableName", name);
        description.set("KeySchema", key.describe());
        description.put("TableStatus", status);
        description.put("CreationDateTime", createdAtSeconds);
        ObjectNode throughput = description.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", provisionedThroughput == null ? 0 : provisionedThroughput.path("ReadCapacityUnits").asLong());
        throughput.put("WriteCapacityUnits", provisionedThroughput == null ? 0 : provisionedThroughput.path("WriteCapacityUnits").asLong());
        description.put("TableSizeBytes", sizeBytes());
        description.put("ItemCount", itemCount());
        description.put("TableArn", arn);
        description.put("TableId", tableId);
        if (billingMode.equals("PAY_PER_REQUEST")) {
            ObjectNode summary = description.putObject("BillingModeSummary");
            summary.put("BillingMode", billingMode);
            summary.put("LastUpdateToPayPerRequestDateTime", createdAtSeconds);
        }
        ArrayNode global = LocalJson.array();
        ArrayNode local = LocalJson.array();
        for (SecondaryIndex index : indexes.values()) {
            ObjectNode indexDescription = index.describe(indexItems(index).size());
            indexDescription.put("IndexArn", arn + "/index/" + index.name());
            (index.global() ? global : local).add(indexDescription);
        }
        if (!global.isEmpty()) description.set("GlobalSecondaryIndexes", global);
        if (!local.isEmpty()) description.set("LocalSecondaryIndexes", local);
        description.put("DeletionProtectionEnabled", false);
        return description;
    }
}
