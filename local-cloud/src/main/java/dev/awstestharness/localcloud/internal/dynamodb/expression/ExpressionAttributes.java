package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, and which of them its expressions used: DynamoDB
 * rejects a request that defines a name or value no expression uses.
 */
public final class ExpressionAttributes {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();

    /**
     * @param validateValue checks and normalises an attribute value (DynamoDB's AttributeValue rules)
     */
    public ExpressionAttributes(JsonNode names, JsonNode values, UnaryOperator<JsonNode> validateValue) {
        if (names != null && !names.isNull()) {
            if (names.isEmpty()) throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
            for (Map.Entry<String, JsonNode> entry : names.properties()) {
                if (!entry.getKey().startsWith("#") || entry.getKey().length() < 2) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                if (entry.getValue().asText().isEmpty()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + entry.getKey());
                }
                this.names.put(entry.getKey(), entry.getValue().asText());
            }
        }
        if (values != null && !values.isNull()) {
            if (values.isEmpty()) throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
            for (Map.Entry<String, JsonNode> entry : values.properties()) {
                if (!entry.getKey().startsWith(":") || entry.getKey().length() < 2) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                this.values.put(entry.getKey(), validateValue.apply(entry.getValue()));
            }
        }
    }

    public boolean isEmpty() {
        return names.isEmpty() && values.isEmpty();
    }

    public boolean hasNames() {
        return !names.isEmpty();
    }

    public boolean hasValues() {
        return !values.isEmpty();
    }

    String name(String reference, String kind) {
        String name = names.get(reference);
        if (name == null) {
            throw ExpressionErrors.invalid(kind, "An expression attribute name used in the document path is not defined; attribute name: " + reference);
        }
        usedNames.add(reference);
        return name;
    }

    JsonNode value(String reference, String kind) {
        JsonNode value = values.get(reference);
        if (value == null) {
            throw ExpressionErrors.invalid(kind, "An expression attribute value used in expression is not defined; attribute value: " + reference);
        }
        usedValues.add(reference);
        return value;
    }

    /** Fails when a defined name or value was used by none of the request's expressions. */
    public void checkAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + String.join(", ", unusedValues) + "}");
        }
    }
}
