package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.dynamodb.expression.ExpressionAttributes;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks the common fields of DynamoDB requests, failing with DynamoDB's ValidationException messages. */
final class Inputs {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final List<String> LEGACY = List.of("Expected", "AttributesToGet", "KeyConditions", "QueryFilter", "ScanFilter",
            "AttributeUpdates", "ConditionalOperator");

    private Inputs() {}

    /** {@code TableName} (a name or a table ARN). */
    static String tableName(JsonNode input) {
        return tableName(input.get("TableName"), "tableName");
    }

    static String tableName(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        String name = value.asText();
        if (name.startsWith("arn:") && name.contains(":table/")) name = name.substring(name.indexOf(":table/") + 7);
        if (name.length() < 3) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** An item or key: a map of attribute names to valid values, normalised. */
    static ObjectNode attributeMap(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isObject()) throw DynamoDbErrors.validation("Start of list found where not expected for " + field);
        ObjectNode result = LocalJson.object();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getKey().isEmpty()) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: An AttributeValue may not contain an empty attribute name");
            }
            result.set(entry.getKey(), AttributeValues.validate(entry.getValue()));
        }
        return result;
    }

    static ExpressionAttributes expressionAttributes(JsonNode input) {
        return new ExpressionAttributes(input.get("ExpressionAttributeNames"), input.get("ExpressionAttributeValues"), AttributeValues::validate);
    }

    static String optionalText(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** ReturnValues: one of {@code allowed}, {@code NONE} when absent. */
    static String returnValues(JsonNode input, String message, String... allowed) {
        String value = optionalText(input, "ReturnValues");
        if (value == null) return "NONE";
        for (String candidate : allowed) if (candidate.equals(value)) return value;
        throw DynamoDbErrors.validation(message);
    }

    /** Rejects the legacy (pre-expression) parameters, which the local cloud does not implement. */
    static void rejectLegacy(JsonNode input) {
        for (String field : LEGACY) {
            if (input.has(field) && !input.get(field).isNull()) {
                throw DynamoDbErrors.validation("The local cloud does not support the legacy parameter " + field
                        + "; use the expression parameters (ConditionExpression, ProjectionExpression, KeyConditionExpression, FilterExpression, UpdateExpression)");
            }
        }
    }

    /**
     * Fails when ExpressionAttributeNames or Values are given to a request without any expression. (With an
     * expression, names and values it does not use are reported by {@link ExpressionAttributes#checkAllUsed()}.)
     */
    static void checkExpressionsPresent(ExpressionAttributes attributes, boolean anyExpression, String missingMessage) {
        if (anyExpression) return;
        if (attributes.hasNames()) throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        if (attributes.hasValues()) {
            throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions: " + missingMessage);
        }
    }

    static Integer limit(JsonNode input) {
        JsonNode value = input.get("Limit");
        if (value == null || value.isNull()) return null;
        if (!value.canConvertToInt() || value.intValue() < 1) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + value.asText()
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return value.intValue();
    }

    /** ConsumedCapacity when ReturnConsumedCapacity asks for it, else {@code null}. */
    static ObjectNode consumedCapacity(JsonNode input, String table, double units) {
        String mode = optionalText(input, "ReturnConsumedCapacity");
        if (mode == null || mode.equals("NONE")) return null;
        ObjectNode capacity = LocalJson.object();
        capacity.put("TableName", table);
        capacity.put("CapacityUnits", units);
        if (mode.equals("INDEXES")) capacity.putObject("Table").put("CapacityUnits", units);
        return capacity;
    }
}
