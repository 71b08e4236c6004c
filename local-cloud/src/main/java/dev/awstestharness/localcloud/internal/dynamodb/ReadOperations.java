package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.dynamodb.expression.Condition;
import dev.awstestharness.localcloud.internal.dynamodb.expression.ExpressionAttributes;
import dev.awstestharness.localcloud.internal.dynamodb.expression.ExpressionParser;
import dev.awstestharness.localcloud.internal.dynamodb.expression.KeyCondition;
import dev.awstestharness.localcloud.internal.dynamodb.expression.Projection;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Query and Scan: key conditions, filters, projections, Limit, pagination (with DynamoDB's 1 MB page) and COUNT. */
final class ReadOperations {
    static final long MAX_PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECTS = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Tables tables;

    ReadOperations(Tables tables) {
        this.tables = tables;
    }

    ObjectNode query(JsonNode input) {
        Inputs.rejectLegacy(input);
        Table table = tables.forItems(Inputs.tableName(input));
        SecondaryIndex index = index(table, input);
        KeySchema key = index != null ? index.key() : table.key;
        ExpressionAttributes attributes = Inputs.expressionAttributes(input);
        String keyConditionText = Inputs.optionalText(input, "KeyConditionExpression");
        if (keyConditionText == null) throw DynamoDbErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        KeyCondition keyCondition = KeyCondition.of(ExpressionParser.condition(keyConditionText, ExpressionParser.KEY_CONDITION, attributes),
                key.hashName(), key.hashType(), key.rangeName(), key.rangeType());
        Condition filter = filter(input, attributes);
        if (filter != null) {
            for (String attribute : KeyCondition.attributesOf(filter)) {
                if (key.isKeyAttribute(attribute)) {
                    throw DynamoDbErrors.validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + attribute);
                }
            }
        }
        Projection projection = ItemOperations.projection(input, attributes);
        attributes.checkAllUsed();
        String select = select(input, projection);

        List<ObjectNode> candidates = new ArrayList<>();
        KeyValue hash = new KeyValue(keyCondition.hashValue());
        List<ObjectNode> source = index == null ? table.partition(hash) : table.indexItems(index);
        for (ObjectNode item : source) {
            if (index != null && !hash.equals(new KeyValue(item.get(key.hashName())))) continue;
            if (keyCondition.rangeCondition() == null || keyCondition.rangeCondition().test(item)) candidates.add(item);
        }
        boolean forward = !input.has("ScanIndexForward") || input.get("ScanIndexForward").asBoolean(true);
        Comparator<JsonNode> order = table.order(index);
        if (!forward) {
            Collections.reverse(candidates);
            order = order.reversed();
        }
        return page(table, index, candidates, order, input, filter, projection, select);
    }

    ObjectNode scan(JsonNode input) {
        Inputs.rejectLegacy(input);
        Table table = tables.forItems(Inputs.tableName(input));
        SecondaryIndex index = index(table, input);
        ExpressionAttributes attributes = Inputs.expressionAttributes(input);
        Condition filter = filter(input, attributes);
        Projection projection = ItemOperations.projection(input, attributes);
        Inputs.checkExpressionsPresent(attributes, filter != null || projection != null, "FilterExpression is null");
        attributes.checkAllUsed();
        String select = select(input, projection);
        List<ObjectNode> candidates = index == null ? table.all() : table.indexItems(index);
        JsonNode totalSegments = input.get("TotalSegments");
        if (totalSegments != null && !totalSegments.isNull()) {
            int total = totalSegments.asInt();
            int segment = input.path("Segment").asInt(-1);
            if (total < 1 || total > 1_000_000 || segment < 0 || segment >= total) {
                throw DynamoDbErrors.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
            }
            String hashName = table.key.hashName();
            candidates.removeIf(item -> Math.floorMod(item.get(hashName).toString().hashCode(), total) != segment);
        }
        return page(table, index, candidates, table.order(index), input, filter, projection, select);
    }

    private ObjectNode page(Table table, SecondaryIndex index, List<ObjectNode> candidates, Comparator<JsonNode> order, JsonNode input, Condition filter,
            Projection projection, String select) {
        Integer limit = Inputs.limit(input);
        JsonNode startKey = input.get("ExclusiveStartKey");
        int from = 0;
        if (startKey != null && !startKey.isNull()) {
            ObjectNode start = Inputs.attributeMap(startKey, "exclusiveStartKey");
            checkStartKey(table, index, start);
            while (from < candidates.size() && order.compare(candidates.get(from), start) <= 0) from++;
        }
        ArrayNode items = LocalJson.array();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        ObjectNode lastEvaluated = null;
        for (int i = from; i < candidates.size(); i++) {
            ObjectNode item = candidates.get(i);
            scanned++;
            bytes += AttributeValues.itemSize(item);
            if (filter == null || filter.test(item)) {
                count++;
                if (!select.equals("COUNT")) items.add(projection == null ? item : projection.apply(item));
            }
            boolean atLimit = limit != null && scanned == limit;
            boolean pageFull = bytes >= MAX_PAGE_BYTES && i + 1 < candidates.size();
            if (atLimit || pageFull) {
                lastEvaluated = lastEvaluatedKey(table, index, item);
                break;
            }
        }
        ObjectNode response = LocalJson.object();
        if (!select.equals("COUNT")) response.set("Items", items);
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (lastEvaluated != null) response.set("LastEvaluatedKey", lastEvaluated);
        ObjectNode capacity = Inputs.consumedCapacity(input, table.name, Math.max(0.5, bytes / 8192.0));
        if (capacity != null) response.set("ConsumedCapacity", capacity);
        return response;
    }

    private static ObjectNode lastEvaluatedKey(Table table, SecondaryIndex index, JsonNode item) {
        ObjectNode key = table.key.keyAttributes(item);
        if (index != null) key.setAll(index.key().keyAttributes(item));
        return key;
    }

    private static void checkStartKey(Table table, SecondaryIndex index, JsonNode start) {
        List<KeySchema> schemas = index == null ? List.of(table.key) : List.of(table.key, index.key());
        int expected = 0;
        for (KeySchema schema : schemas) {
            for (String attribute : schema.hasRange() ? new String[] {schema.hashName(), schema.rangeName()} : new String[] {schema.hashName()}) {
                JsonNode value = start.get(attribute);
                if (value == null || !AttributeValues.type(value).equals(schema.typeOf(attribute))) {
                    throw DynamoDbErrors.validation("The provided starting key is invalid: The provided key element does not match the schema");
                }
            }
        }
        for (KeySchema schema : schemas) expected += schema.hasRange() ? 2 : 1;
        java.util.Set<String> names = new java.util.HashSet<>();
        start.fieldNames().forEachRemaining(names::add);
        if (names.size() > expected + 2) {
            throw DynamoDbErrors.validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
    }

    private static SecondaryIndex index(Table table, JsonNode input) {
        String name = Inputs.optionalText(input, "IndexName");
        if (name == null) return null;
        SecondaryIndex index = table.indexes.get(name);
        if (index == null) throw DynamoDbErrors.validation("The table does not have the specified index: " + name);
        return index;
    }

    private static Condition filter(JsonNode input, ExpressionAttributes attributes) {
        String text = Inputs.optionalText(input, "FilterExpression");
        return text == null ? null : ExpressionParser.condition(text, ExpressionParser.FILTER, attributes);
    }

    private static String select(JsonNode input, Projection projection) {
        String select = Inputs.optionalText(input, "Select");
        if (select == null) return projection != null ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES";
        if (!SELECTS.contains(select)) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + select
                    + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbErrors.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        if (projection == null && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoDbErrors.validation("SPECIFIC_ATTRIBUTES requires a ProjectionExpression or AttributesToGet");
        }
        return select;
    }
}
