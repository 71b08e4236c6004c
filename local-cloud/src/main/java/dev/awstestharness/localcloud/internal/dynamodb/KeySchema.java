package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.Map;

/** A table's (or index's) key: the partition key and the optional sort key, with their types. */
record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {
    boolean hasRange() {
        return rangeName != null;
    }

    boolean isKeyAttribute(String name) {
        return name.equals(hashName) || name.equals(rangeName);
    }

    String typeOf(String name) {
        return name.equals(hashName) ? hashType : name.equals(rangeName) ? rangeType : null;
    }

    /** The key of an item to write, checked as PutItem checks it. */
    PrimaryKey keyOfItem(JsonNode item) {
        return new PrimaryKey(itemKeyValue(item, hashName, hashType), hasRange() ? itemKeyValue(item, rangeName, rangeType) : KeyValue.NONE);
    }

    private static KeyValue itemKeyValue(JsonNode item, String name, String type) {
        JsonNode value = item.get(name);
        if (value == null) throw DynamoDbErrors.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
        String actual = AttributeValues.type(value);
        if (!actual.equals(type)) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for key " + name + " expected: " + type
                    + " actual: " + actual);
        }
        checkNotEmpty(name, value);
        return new KeyValue(value);
    }

    /** The key named by a request's {@code Key} (GetItem, DeleteItem, UpdateItem, batches), which must be exactly the key attributes. */
    PrimaryKey keyOf(JsonNode key) {
        int expected = hasRange() ? 2 : 1;
        if (key == null || !key.isObject() || key.size() != expected) throw DynamoDbErrors.validation("The provided key element does not match the schema");
        JsonNode hash = key.get(hashName);
        JsonNode range = hasRange() ? key.get(rangeName) : null;
        if (hash == null || !AttributeValues.type(hash).equals(hashType) || (hasRange() && (range == null || !AttributeValues.type(range).equals(rangeType)))) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(hashName, hash);
        if (range != null) checkNotEmpty(rangeName, range);
        return new PrimaryKey(new KeyValue(hash), range != null ? new KeyValue(range) : KeyValue.NONE);
    }

    private static void checkNotEmpty(String name, JsonNode value) {
        String type = AttributeValues.type(value);
        if (type.equals("S") && value.get("S").textValue().isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: " + name);
        }
        if (type.equals("B") && value.get("B").textValue().isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: " + name);
        }
    }

    /** The key attributes of an item, as LastEvaluatedKey and Key show them. */
    ObjectNode keyAttributes(JsonNode item) {
        ObjectNode key = LocalJson.object();
        key.set(hashName, item.get(hashName));
        if (hasRange()) key.set(rangeName, item.get(rangeName));
        return key;
    }

    /** The KeySchema array of DescribeTable. */
    com.fasterxml.jackson.databind.node.ArrayNode describe() {
        com.fasterxml.jackson.databind.node.ArrayNode schema = LocalJson.array();
        schema.addObject().put("AttributeName", hashName).put("KeyType", "HASH");
        if (hasRange()) schema.addObject().put("AttributeName", rangeName).put("KeyType", "RANGE");
        return schema;
    }

    /** Reads a KeySchema array against the attribute types defined for the table. */
    static KeySchema parse(JsonNode schema, Map<String, String> types, String where) {
        if (schema == null || !schema.isArray() || schema.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + where + "' failed to satisfy constraint: Member must not be null");
        }
        if (schema.size() > 2) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + schema + "' at '" + where
                    + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        String hash = null;
        String range = null;
        for (JsonNode element : schema) {
            String name = element.path("AttributeName").asText(null);
            String keyType = element.path("KeyType").asText("");
            if (name == null) throw DynamoDbErrors.validation("1 validation error detected: Value null at '" + where + ".1.member.attributeName' failed to satisfy constraint: Member must not be null");
            if (keyType.equals("HASH")) {
                if (hash != null) throw DynamoDbErrors.validation("Invalid KeySchema: Too many hash keys");
                hash = name;
            } else if (keyType.equals("RANGE")) {
                if (range != null) throw DynamoDbErrors.validation("Invalid KeySchema: Too many range keys");
                range = name;
            } else {
                throw DynamoDbErrors.validation("1 validation error detected: Value '" + keyType + "' at '" + where
                        + ".1.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
            }
        }
        if (hash == null) throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        if (hash.equals(range)) throw DynamoDbErrors.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        for (String name : range == null ? new String[] {hash} : new String[] {hash, range}) {
            if (!types.containsKey(name)) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                        + name + "], AttributeDefinitions: " + types.keySet());
            }
        }
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }
}
