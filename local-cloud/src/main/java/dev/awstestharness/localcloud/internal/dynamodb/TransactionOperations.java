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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * TransactWriteItems and TransactGetItems: all or nothing. A transaction holds the locks of every table it touches
 * (taken in the order of their names, so that two transactions cannot deadlock) while it checks every condition and
 * then applies every write; single-item writes take the same locks, so none of them sees half a transaction.
 */
final class TransactionOperations {
    static final int MAX_ACTIONS = 100;
    private static final List<String> WRITE_ACTIONS = List.of("ConditionCheck", "Put", "Delete", "Update");

    private final Tables tables;

    TransactionOperations(Tables tables) {
        this.tables = tables;
    }

    ObjectNode transactWriteItems(JsonNode input) {
        List<WriteAction> actions = new ArrayList<>();
        JsonNode items = transactItems(input);
        for (int i = 0; i < items.size(); i++) actions.add(writeAction(items.get(i), i + 1));
        checkOneActionPerItem(actions.stream().map(action -> new ItemRef(action.table(), action.key())).toList());

        return underLocks(actions.stream().map(WriteAction::table).toList(), () -> {
            List<ObjectNode> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (WriteAction action : actions) {
                ObjectNode current = action.table().get(action.key());
                ObjectNode reason = LocalJson.object();
                if (action.condition() != null && !action.condition().test(current != null ? current : LocalJson.object())) {
                    cancelled = true;
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    if (action.returnOldOnFailure() && current != null) reason.set("Item", current);
                } else {
                    reason.put("Code", "None");
                }
                reasons.add(reason);
            }
            if (cancelled) throw DynamoDbErrors.transactionCanceled(reasons);
            List<ObjectNode> updated = new ArrayList<>();
            for (WriteAction action : actions) updated.add(action.change().apply(action.table().get(action.key())));
            for (int i = 0; i < actions.size(); i++) {
                WriteAction action = actions.get(i);
                switch (action.kind()) {
                    case "Put", "Update" -> action.table().put(action.key(), updated.get(i));
                    case "Delete" -> action.table().delete(action.key());
                    default -> { } // ConditionCheck writes nothing
                }
            }
            return LocalJson.object();
        });
    }

    ObjectNode transactGetItems(JsonNode input) {
        record Read(Table table, PrimaryKey key, Projection projection) {}
        List<Read> reads = new ArrayList<>();
        JsonNode items = transactItems(input);
        for (int i = 0; i < items.size(); i++) {
            String field = "transactItems." + (i + 1) + ".member";
            JsonNode get = items.get(i).get("Get");
            if (get == null || !get.isObject() || items.get(i).size() != 1) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + field + ".get' failed to satisfy constraint: "
                        + "Member must not be null");
            }
            Inputs.rejectLegacy(get);
            Table table = tables.forItems(Inputs.tableName(get.get("TableName"), field + ".get.tableName"));
            PrimaryKey key = table.key.keyOf(Inputs.attributeMap(get.get("Key"), field + ".get.key"));
            ExpressionAttributes attributes = Inputs.expressionAttributes(get);
            Projection projection = ItemOperations.projection(get, attributes);
            Inputs.checkExpressionsPresent(attributes, projection != null, "ProjectionExpression is null");
            attributes.checkAllUsed();
            reads.add(new Read(table, key, projection));
        }
        checkOneActionPerItem(reads.stream().map(read -> new ItemRef(read.table(), read.key())).toList());

        return underLocks(reads.stream().map(Read::table).toList(), () -> {
            ObjectNode response = LocalJson.object();
            ArrayNode responses = response.putArray("Responses");
            for (Read read : reads) {
                ObjectNode entry = responses.addObject();
                ObjectNode item = read.table().get(read.key());
                if (item != null) entry.set("Item", read.projection() == null ? item : read.projection().apply(item));
            }
            return response;
        });
    }

    private static JsonNode transactItems(JsonNode input) {
        JsonNode items = input.get("TransactItems");
        if (items == null || items.isNull()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_ACTIONS) {
            throw DynamoDbErrors.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must "
                    + "have length " + (items.isArray() && !items.isEmpty() ? "less than or equal to " + MAX_ACTIONS : "greater than or equal to 1"));
        }
        return items;
    }

    private WriteAction writeAction(JsonNode item, int position) {
        String field = "transactItems." + position + ".member";
        List<String> given = WRITE_ACTIONS.stream().filter(item::has).toList();
        if (given.size() != 1 || item.size() != 1) {
            throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = given.get(0);
        JsonNode request = item.get(kind);
        Inputs.rejectLegacy(request);
        String path = field + "." + Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
        Table table = tables.forItems(Inputs.tableName(request.get("TableName"), path + ".tableName"));
        ExpressionAttributes attributes = Inputs.expressionAttributes(request);
        Condition condition = ItemOperations.condition(request, attributes);
        String onFailure = Inputs.optionalText(request, "ReturnValuesOnConditionCheckFailure");
        if (onFailure != null && !onFailure.equals("ALL_OLD") && !onFailure.equals("NONE")) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + onFailure + "' at '" + path + ".returnValuesOnConditionCheckFailure' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
        }
        boolean returnOld = "ALL_OLD".equals(onFailure);
        return switch (kind) {
            case "Put" -> {
                ObjectNode newItem = Inputs.attributeMap(request.get("Item"), path + ".item");
                PrimaryKey key = ItemOperations.checkedItem(table, newItem);
                Inputs.checkExpressionsPresent(attributes, condition != null, "ConditionExpression is null");
                attributes.checkAllUsed();
                yield new WriteAction(kind, table, key, condition, returnOld, old -> newItem);
            }
            case "Delete" -> {
                PrimaryKey key = table.key.keyOf(Inputs.attributeMap(request.get("Key"), path + ".key"));
                Inputs.checkExpressionsPresent(attributes, condition != null, "ConditionExpression is null");
                attributes.checkAllUsed();
                yield new WriteAction(kind, table, key, condition, returnOld, old -> null);
            }
            case "ConditionCheck" -> {
                PrimaryKey key = table.key.keyOf(Inputs.attributeMap(request.get("Key"), path + ".key"));
                if (condition == null) {
                    throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + path + ".conditionExpression' failed to "
                            + "satisfy constraint: Member must not be null");
                }
                attributes.checkAllUsed();
                yield new WriteAction(kind, table, key, condition, returnOld, old -> old);
            }
            default -> {
                ObjectNode keyAttributes = Inputs.attributeMap(request.get("Key"), path + ".key");
                PrimaryKey key = table.key.keyOf(keyAttributes);
                String updateText = Inputs.optionalText(request, "UpdateExpression");
                if (updateText == null) {
                    throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + path + ".updateExpression' failed to "
                            + "satisfy constraint: Member must not be null");
                }
                UpdateExpression update = ExpressionParser.update(updateText, attributes);
                attributes.checkAllUsed();
                ItemOperations.checkKeyNotUpdated(table, update);
                yield new WriteAction(kind, table, key, condition, returnOld, old -> ItemOperations.updatedItem(table, update, old, keyAttributes));
            }
        };
    }

    private static void checkOneActionPerItem(List<ItemRef> items) {
        Set<ItemRef> seen = new HashSet<>();
        for (ItemRef item : items) {
            if (!seen.add(item)) throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
        }
    }

    /** Runs {@code body} holding the locks of {@code involved}, each once, taken in the order of the tables' names. */
    private static ObjectNode underLocks(List<Table> involved, Supplier<ObjectNode> body) {
        TreeSet<Table> ordered = new TreeSet<>(Comparator.comparing((Table table) -> table.name));
        ordered.addAll(involved);
        return underLocks(new ArrayList<>(ordered), 0, body);
    }

    private static ObjectNode underLocks(List<Table> ordered, int next, Supplier<ObjectNode> body) {
        if (next == ordered.size()) return body.get();
        synchronized (ordered.get(next)) {
            return underLocks(ordered, next + 1, body);
        }
    }

    private record ItemRef(Table table, PrimaryKey key) {}

    /** One write of a transaction: its condition, and the item it leaves (from the current one; {@code null}: none). */
    private record WriteAction(String kind, Table table, PrimaryKey key, Condition condition, boolean returnOldOnFailure,
            UnaryOperator<ObjectNode> change) {}
}
