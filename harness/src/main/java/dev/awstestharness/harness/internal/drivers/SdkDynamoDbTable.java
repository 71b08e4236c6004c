package dev.awstestharness.harness.internal.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.DynamoDbTable;
import dev.awstestharness.harness.internal.declaration.Declaration.TableDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** A DynamoDB table double, through the SDK; reads are consistent. */
public final class SdkDynamoDbTable implements DynamoDbTable {
    private final DynamoDbClient dynamoDb;
    private final TableDeclaration declaration;
    private final String table;

    public SdkDynamoDbTable(DynamoDbClient dynamoDb, TableDeclaration declaration, String table) {
        this.dynamoDb = dynamoDb;
        this.declaration = declaration;
        this.table = table;
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    public void put(Map<String, ?> item) {
        Objects.requireNonNull(item, "item");
        Map<String, AttributeValue> attributes = AttributeValues.item(item);
        checkKey(attributes, "item", item, false);
        call(() -> dynamoDb.putItem(r -> r.tableName(table).item(attributes)), "put the item " + item);
    }

    @Override
    public JsonNode get(Map<String, ?> key) {
        Objects.requireNonNull(key, "key");
        Map<String, AttributeValue> attributes = AttributeValues.item(key);
        checkKey(attributes, "key", key, true);
        Map<String, AttributeValue> item = call(() -> dynamoDb.getItem(r -> r.tableName(table).key(attributes).consistentRead(true)).item(),
                "get the item with key " + key);
        return item == null || item.isEmpty() ? null : AttributeValues.json(item);
    }

    @Override
    public void delete(Map<String, ?> key) {
        Objects.requireNonNull(key, "key");
        Map<String, AttributeValue> attributes = AttributeValues.item(key);
        checkKey(attributes, "key", key, true);
        call(() -> dynamoDb.deleteItem(r -> r.tableName(table).key(attributes)), "delete the item with key " + key);
    }

    @Override
    public List<JsonNode> scan() {
        List<JsonNode> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : scanAll()) items.add(AttributeValues.json(item));
        return List.copyOf(items);
    }

    @Override
    public void empty() {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : scanAll()) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            key.put(declaration.partitionKey().name(), item.get(declaration.partitionKey().name()));
            if (declaration.sortKey() != null) key.put(declaration.sortKey().name(), item.get(declaration.sortKey().name()));
            deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
        }
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(table, deletes.subList(from, Math.min(from + 25, deletes.size())));
            while (batch != null && !batch.isEmpty()) {
                Map<String, List<WriteRequest>> request = batch;
                batch = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }

    private List<Map<String, AttributeValue>> scanAll() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(r -> r.tableName(table).consistentRead(true).exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private void checkKey(Map<String, AttributeValue> attributes, String what, Map<String, ?> given, boolean exact) {
        List<String> missing = new ArrayList<>();
        if (!attributes.containsKey(declaration.partitionKey().name())) missing.add(declaration.partitionKey().name());
        if (declaration.sortKey() != null && !attributes.containsKey(declaration.sortKey().name())) missing.add(declaration.sortKey().name());
        boolean extra = exact && attributes.size() > (declaration.sortKey() != null ? 2 : 1);
        if (!missing.isEmpty() || extra) {
            throw new IllegalArgumentException("The " + what + " " + given + " does not match the key of the " + this + ": " + keyDescription()
                    + (missing.isEmpty() ? "; a key has no other attributes" : "; it lacks " + String.join(" and ", missing)));
        }
    }

    private String keyDescription() {
        return "partition key " + declaration.partitionKey().name() + " (" + declaration.partitionKey().type() + ")"
                + (declaration.sortKey() != null ? ", sort key " + declaration.sortKey().name() + " (" + declaration.sortKey().type() + ")" : "");
    }

    private <T> T call(java.util.function.Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (DynamoDbException e) {
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            throw new IllegalArgumentException("Could not " + what + " in the " + this + " (" + keyDescription() + "): " + message, e);
        }
    }

    @Override
    public String toString() {
        return "DynamoDB table double '" + declaration.name() + "' (table " + table + ")";
    }
}
