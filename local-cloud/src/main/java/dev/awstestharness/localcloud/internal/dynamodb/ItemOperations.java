package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.dynamodb.expression.Condition;
import dev.awstestharness.localcloud.internal.dynamodb.expression.ExpressionAttributes;
import dev.awstestharness.localcloud.internal.dynamodb.expression.ExpressionParser;
import dev.awstestharness.localcloud.internal.dynamodb.expression.Projection;
import dev.awstestharness.localcloud.internal.dynamodb.expression.UpdateExpression;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PutItem, GetItem, DeleteItem, UpdateItem, BatchGetItem and BatchWriteItem. */
final class ItemOperations {
    static final long MAX_ITEM_SIZE = 400 * 1024;
    private static final ObjectNode NO_ITEM = LocalJson.object();

    private final Tables tables;

    ItemOperations(Tables tables) {
        this.tables = tables;
    }

    ObjectNode putItem(JsonNode input) {
        Inputs.rejectLegacy(input);
        Table table = tables.forItems(Inputs.tableName(input));
        ObjectNode item = Inputs.attributeMap(input.get("Item"), "item");
        return conditionalWrite(input, table, checkedItem(table, item), item);
    }

    ObjectNode getItem(JsonNode input) {
        Inputs.rejectLegacy(input);
        Table table = tables.forItems(Inputs.tableName(input));
        PrimaryKey key = table.key.keyOf(Inputs.attributeMap(input.get("Key"), "key"));
        ExpressionAttributes attributes = Inputs.expressionAttributes(input);
        Projection projection = projection(input, attributes);
        Inputs.checkExpressionsPresent(attributes, projection != null, "ProjectionExpression is null");
        attributes.checkAllUsed();
        ObjectNode item = table.get(key);
        ObjectNode response = LocalJson.object();
        if (item != null) response.set("Item", projection == null ? item : projection.apply(item));
        addCapacity(response, input, table, 0.5);
        return response;
    }

    ObjectNode deleteItem(JsonNode input) {
        Inputs.rejectLegacy(input);
        Table table = tables.forItems(Inputs.tableName(input));
        return conditionalWrite(input, table, table.key.keyOf(Inputs.attributeMap(input.get("Key"), "key")), null);
    }

    /** PutItem ({@code item}) or DeleteItem ({@code item} null): ConditionExpression and ReturnValues ALL_OLD or NONE. */
    private static ObjectNode conditionalWrite(JsonNode input, Table table, PrimaryKey key, ObjectNode item) {
        String returnValues = Inputs.returnValues(input, "ReturnValues can only be ALL_OLD or NONE", "NONE", "ALL_OLD");
        ExpressionAttributes attributes = Inputs.expressionAttributes(input);
        Condition condition = condition(input, attributes);
        Inputs.checkExpressionsPresent(attributes, condition != null, "ConditionExpression is null");
        attributes.checkAllUsed();
        ObjectNode old;
        synchronized (table) {
            old = table.get(key);
            checkCondition(condition, old);
            if (item != null) table.put(key, item);
            else table.delete(key);
        }
        ObjectNode response = LocalJson.object();
        if (returnValues.equals("ALL_OLD") && old != null) response.set("Attributes", old);
        addCapacity(response, input, table, 1.0);
        return response;
    }

    ObjectNode updateItem(JsonNode input) {
        Inputs.rejectLegacy(input);
        Table table = tables.forItems(Inputs.tableName(input));
        ObjectNode keyAttributes = Inputs.attributeMap(input.get("Key"), "key");
        PrimaryKey key = table.key.keyOf(keyAttributes);
        String returnValues = Inputs.returnValues(input,
                "1 validation error detected: Value '" + Inputs.optionalText(input, "ReturnValues")
                        + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
                "NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW");
        ExpressionAttributes attributes = Inputs.expressionAttributes(input);
        String updateText = Inputs.optionalText(input, "UpdateExpression");
        UpdateExpression update = updateText == null ? null : ExpressionParser.update(updateText, attributes);
        Condition condition = condition(input, attributes);
        Inputs.checkExpressionsPresent(attributes, update != null || condition != null, "UpdateExpression and ConditionExpression are null");
        attributes.checkAllUsed();
        if (update != null) checkKeyNotUpdated(table, update);
        ObjectNode old;
        ObjectNode updated;
        synchronized (table) {
            old = table.get(key);
            checkCondition(condition, old);
            updated = updatedItem(table, update, old, keyAttributes);
            table.put(key, updated);
        }
        ObjectNode response = LocalJson.object();
        JsonNode returned = switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null || update == null ? null : new Projection(update.paths()).apply(old);
            case "UPDATED_NEW" -> update == null ? null : new Projection(update.paths()).apply(updated);
            default -> null;
        };
        if (returned != null && !returned.isEmpty()) response.set("Attributes", returned);
        addCapacity(response, input, table, 1.0);
        return response;
    }

    ObjectNode batchGetItem(JsonNode input) {
        JsonNode requestItems = input.get("RequestItems");
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        int total = 0;
        for (JsonNode request : requestItems) total += request.path("Keys").size();
        if (total > 100) throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        ObjectNode responses = LocalJson.object();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            Table table = tables.forItems(Inputs.tableName(LocalJson.MAPPER.valueToTree(entry.getKey()), "requestItems"));
            JsonNode request = entry.getValue();
            Inputs.rejectLegacy(request);
            JsonNode keys = request.get("Keys");
            if (keys == null || !keys.isArray() || keys.isEmpty()) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '[]' at 'requestItems." + entry.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            ExpressionAttributes attributes = Inputs.expressionAttributes(request);
            Projection projection = projection(request, attributes);
            Inputs.checkExpressionsPresent(attributes, projection != null, "ProjectionExpression is null");
            attributes.checkAllUsed();
            Set<PrimaryKey> seen = new HashSet<>();
            ArrayNode found = responses.putArray(table.name);
            for (JsonNode keyNode : keys) {
                PrimaryKey key = table.key.keyOf(Inputs.attributeMap(keyNode, "key"));
                if (!seen.add(key)) throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                ObjectNode item = table.get(key);
                if (item != null) found.add(projection == null ? item : projection.apply(item));
            }
        }
        ObjectNode response = LocalJson.object();
        response.set("Responses", responses);
        response.putObject("UnprocessedKeys");
        return response;
    }

    ObjectNode batchWriteItem(JsonNode input) {
        JsonNode requestItems = input.get("RequestItems");
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        int total = 0;
        for (JsonNode requests : requestItems) total += requests.size();
        if (total > 25) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        record Write(Table table, PrimaryKey key, ObjectNode item) {}
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            Table table = tables.forItems(Inputs.tableName(LocalJson.MAPPER.valueToTree(entry.getKey()), "requestItems"));
            Set<PrimaryKey> seen = new HashSet<>();
            for (JsonNode request : entry.getValue()) {
                JsonNode put = request.get("PutRequest");
                JsonNode delete = request.get("DeleteRequest");
                if ((put == null) == (delete == null)) {
                    throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                Write write;
                if (put != null) {
                    ObjectNode item = Inputs.attributeMap(put.get("Item"), "item");
                    write = new Write(table, checkedItem(table, item), item);
                } else {
                    write = new Write(table, table.key.keyOf(Inputs.attributeMap(delete.get("Key"), "key")), null);
                }
                if (!seen.add(write.key())) throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                writes.add(write);
            }
        }
        for (Write write : writes) {
            synchronized (write.table()) {
                if (write.item() != null) write.table().put(write.key(), write.item());
                else write.table().delete(write.key());
            }
        }
        ObjectNode response = LocalJson.object();
        response.putObject("UnprocessedItems");
        return response;
    }

    /** The key of an item to store, after checking its size and the types of the index keys it has. */
    static PrimaryKey checkedItem(Table table, ObjectNode item) {
        PrimaryKey key = table.key.keyOfItem(item);
        for (SecondaryIndex index : table.indexes.values()) {
            for (String attribute : new String[] {index.key().hashName(), index.key().rangeName()}) {
                if (attribute == null || !item.has(attribute)) continue;
                String actual = AttributeValues.type(item.get(attribute));
                String expected = index.key().typeOf(attribute);
                if (!actual.equals(expected)) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for Index Key " + attribute + " Expected: "
                            + expected + " Actual: " + actual + " IndexName: " + index.name());
                }
            }
        }
        if (AttributeValues.itemSize(item) > MAX_ITEM_SIZE) throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        return key;
    }

    /** Fails when {@code update} sets or removes an attribute of the table's key. */
    static void checkKeyNotUpdated(Table table, UpdateExpression update) {
        for (String attribute : update.topLevelAttributes()) {
            if (table.key.isKeyAttribute(attribute)) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Cannot update attribute " + attribute
                        + ". This attribute is part of the key");
            }
        }
    }

    /** The item an update leaves: {@code update} (none: no change) applied to the current item, or to the bare key when there is none. */
    static ObjectNode updatedItem(Table table, UpdateExpression update, ObjectNode current, ObjectNode keyAttributes) {
        ObjectNode base = current != null ? current : keyAttributes;
        ObjectNode updated = update == null ? base : update.apply(base);
        for (Map.Entry<String, JsonNode> entry : updated.properties()) AttributeValues.validate(entry.getValue());
        checkedItem(table, updated);
        return updated;
    }

    static Condition condition(JsonNode input, ExpressionAttributes attributes) {
        String text = Inputs.optionalText(input, "ConditionExpression");
        return text == null ? null : ExpressionParser.condition(text, ExpressionParser.CONDITION, attributes);
    }

    static Projection projection(JsonNode input, ExpressionAttributes attributes) {
        String text = Inputs.optionalText(input, "ProjectionExpression");
        return text == null ? null : ExpressionParser.projection(text, attributes);
    }

    private static void checkCondition(Condition condition, ObjectNode current) {
        if (condition != null && !condition.test(current != null ? current : NO_ITEM)) throw DynamoDbErrors.conditionalCheckFailed();
    }

    private static void addCapacity(ObjectNode response, JsonNode input, Table table, double units) {
        ObjectNode capacity = Inputs.consumedCapacity(input, table.name, units);
        if (capacity != null) response.set("ConsumedCapacity", capacity);
    }
}
