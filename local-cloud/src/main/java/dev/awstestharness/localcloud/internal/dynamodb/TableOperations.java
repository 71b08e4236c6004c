package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CreateTable, DescribeTable, DeleteTable, ListTables and the time-to-live settings. */
final class TableOperations {
    private final Tables tables;
    private final String region;
    private final String accountId;

    TableOperations(Tables tables, String region, String accountId) {
        this.tables = tables;
        this.region = region;
        this.accountId = accountId;
    }

    ObjectNode createTable(JsonNode input) {
        String name = Inputs.tableName(input);
        Map<String, String> types = attributeTypes(input.get("AttributeDefinitions"));
        KeySchema key = KeySchema.parse(input.get("KeySchema"), types, "keySchema");
        Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
        readIndexes(input.get("GlobalSecondaryIndexes"), true, key, types, indexes);
        readIndexes(input.get("LocalSecondaryIndexes"), false, key, types, indexes);
        if (!key.hasRange() && indexes.values().stream().anyMatch(index -> !index.global())) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        Set<String> used = new LinkedHashSet<>(List.of(key.hashName()));
        if (key.hasRange()) used.add(key.rangeName());
        indexes.values().forEach(index -> {
            used.add(index.key().hashName());
            if (index.key().hasRange()) used.add(index.key().rangeName());
        });
        if (!used.containsAll(types.keySet()) || used.size() != types.size()) {
            throw DynamoDbErrors.validation(indexes.isEmpty()
                    ? "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
                    : "One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: " + types.keySet()
                            + ", keys used: " + used);
        }
        String billingMode = Inputs.optionalText(input, "BillingMode");
        if (billingMode == null) billingMode = "PROVISIONED";
        JsonNode throughput = input.get("ProvisionedThroughput");
        boolean hasThroughput = throughput != null && !throughput.isNull();
        switch (billingMode) {
            case "PROVISIONED" -> {
                if (!hasThroughput || !throughput.has("ReadCapacityUnits") || !throughput.has("WriteCapacityUnits")) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
                }
            }
            case "PAY_PER_REQUEST" -> {
                if (hasThroughput) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
                }
            }
            default -> throw DynamoDbErrors.validation("1 validation error detected: Value '" + billingMode
                    + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        ArrayNode definitions = LocalJson.array();
        types.forEach((attribute, type) -> definitions.addObject().put("AttributeName", attribute).put("AttributeType", type));
        Table table = new Table(name, "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name, UUID.randomUUID().toString(),
                System.currentTimeMillis() / 1000.0, key, definitions, billingMode, hasThroughput ? throughput.deepCopy() : null, indexes);
        if (!tables.add(table)) throw DynamoDbErrors.tableInUse(name);
        ObjectNode response = LocalJson.object();
        response.set("TableDescription", table.describe("ACTIVE"));
        return response;
    }

    private static Map<String, String> attributeTypes(JsonNode definitions) {
        if (definitions == null || !definitions.isArray() || definitions.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        }
        Map<String, String> types = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode definition : definitions) {
            position++;
            String name = definition.path("AttributeName").asText(null);
            String type = definition.path("AttributeType").asText("");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '" + type + "' at 'attributeDefinitions." + position
                        + ".member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (name == null || name.isEmpty()) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at 'attributeDefinitions." + position
                        + ".member.attributeName' failed to satisfy constraint: Member must not be null");
            }
            if (types.put(name, type) != null) {
                throw DynamoDbErrors.validation("Cannot have two attributes with the same name. AttributeName: " + name);
            }
        }
        return types;
    }

    private static void readIndexes(JsonNode definitions, boolean global, KeySchema key, Map<String, String> types, Map<String, SecondaryIndex> indexes) {
        if (definitions == null || definitions.isNull()) return;
        for (JsonNode definition : definitions) {
            SecondaryIndex index = SecondaryIndex.parse(definition, global, key, types);
            if (indexes.put(index.name(), index) != null) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Duplicate index name: " + index.name());
            }
        }
    }

    ObjectNode describeTable(JsonNode input) {
        Table table = tables.forTable(Inputs.tableName(input));
        ObjectNode response = LocalJson.object();
        response.set("Table", table.describe("ACTIVE"));
        return response;
    }

    ObjectNode deleteTable(JsonNode input) {
        Table table = tables.remove(Inputs.tableName(input));
        ObjectNode response = LocalJson.object();
        response.set("TableDescription", table.describe("DELETING"));
        return response;
    }

    ObjectNode listTables(JsonNode input) {
        JsonNode limitNode = input.get("Limit");
        int limit = 100;
        if (limitNode != null && !limitNode.isNull()) {
            limit = limitNode.asInt();
            if (limit < 1 || limit > 100) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '" + limitNode.asText() + "' at 'limit' failed to satisfy constraint: Member must have value "
                        + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
            }
        }
        String after = Inputs.optionalText(input, "ExclusiveStartTableName");
        ArrayNode names = LocalJson.array();
        String last = null;
        boolean more = false;
        for (String name : tables.names()) {
            if (after != null && name.compareTo(after) <= 0) continue;
            if (names.size() == limit) {
                more = true;
                break;
            }
            names.add(name);
            last = name;
        }
        ObjectNode response = LocalJson.object();
        response.set("TableNames", names);
        if (more) response.put("LastEvaluatedTableName", last);
        return response;
    }

    ObjectNode updateTimeToLive(JsonNode input) {
        Table table = tables.forTable(Inputs.tableName(input));
        JsonNode specification = input.get("TimeToLiveSpecification");
        if (specification == null || !specification.has("Enabled") || !specification.has("AttributeName")) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        }
        boolean enabled = specification.get("Enabled").asBoolean();
        String attribute = specification.get("AttributeName").asText();
        synchronized (table) {
            if (enabled && table.timeToLiveEnabled()) throw DynamoDbErrors.validation("TimeToLive is already enabled");
            if (!enabled && !table.timeToLiveEnabled()) throw DynamoDbErrors.validation("TimeToLive is already disabled");
            table.timeToLive(attribute, enabled);
        }
        ObjectNode response = LocalJson.object();
        response.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return response;
    }

    ObjectNode describeTimeToLive(JsonNode input) {
        Table table = tables.forTable(Inputs.tableName(input));
        ObjectNode response = LocalJson.object();
        response.set("TimeToLiveDescription", table.describeTimeToLive());
        return response;
    }
}
