package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the fields of an ECS request. A field of the wrong JSON type cannot be read into the operation's input, which
 * AWS reports as a {@code SerializationException}; checks of the values themselves belong to the operations.
 */
final class EcsParams {
    private final ObjectNode input;

    EcsParams(ObjectNode input) {
        this.input = input == null ? LocalJson.object() : input;
    }

    ObjectNode json() {
        return input;
    }

    boolean present(String field) {
        JsonNode value = input.get(field);
        return value != null && !value.isNull();
    }

    /** A string field, or {@code null} when absent. */
    String text(String field) {
        return text(input, field);
    }

    Integer integer(String field) {
        return integer(input, field);
    }

    /** A list of strings, or {@code null} when absent. */
    List<String> strings(String field) {
        return strings(input, field);
    }

    /** An object field, or {@code null} when absent. */
    ObjectNode object(String field) {
        return object(input, field);
    }

    /** A list of objects; empty when absent. */
    List<ObjectNode> objects(String field) {
        return objects(input, field);
    }

    static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw wrongType(field, "a string", value);
        return value.textValue();
    }

    static Integer integer(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.canConvertToInt() || !value.isIntegralNumber()) throw wrongType(field, "an integer", value);
        return value.intValue();
    }

    static List<String> strings(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrongType(field, "a list of strings", value);
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) throw wrongType(field, "a list of strings", value);
            strings.add(item.textValue());
        }
        return strings;
    }

    static ObjectNode object(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!(value instanceof ObjectNode object)) throw wrongType(field, "an object", value);
        return object;
    }

    static List<ObjectNode> objects(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        List<ObjectNode> objects = new ArrayList<>();
        if (value == null || value.isNull()) return objects;
        if (!value.isArray()) throw wrongType(field, "a list of objects", value);
        for (JsonNode item : value) {
            if (!(item instanceof ObjectNode object)) throw wrongType(field, "a list of objects", value);
            objects.add(object);
        }
        return objects;
    }

    /** A list of {@code {name, value}} pairs (environment variables), in order; a later name replaces an earlier one. */
    static Map<String, String> keyValuePairs(ObjectNode node, String field) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (ObjectNode pair : objects(node, field)) {
            String name = text(pair, "name");
            if (name == null) continue;
            String value = text(pair, "value");
            pairs.put(name, value == null ? "" : value);
        }
        return pairs;
    }

    private static RuntimeException wrongType(String field, String expected, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 100) shown = shown.substring(0, 100) + "...";
        return EcsErrors.serialization("The value of '" + field + "' must be " + expected + ", but was "
                + value.getNodeType().name().toLowerCase(Locale.ROOT) + ": " + shown);
    }
}
