package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.Iterator;
import java.util.Map;

/**
 * Between the ECS API's JSON (camelCase members, timestamps in epoch seconds) and the shapes Step Functions uses for
 * its ECS integration (PascalCase members, timestamps in epoch milliseconds, as the AWS SDK for Java v1 writes them).
 */
public final class JsonKeyCase {
    private JsonKeyCase() {}

    /** A copy with every member name starting in lowercase: Step Functions parameters as an ECS request. */
    public static JsonNode camel(JsonNode node) {
        return rename(node, false);
    }

    /**
     * A copy with every member name starting in uppercase, and the timestamps (members ending in {@code At}) in epoch
     * milliseconds: an ECS response as Step Functions shows it.
     */
    public static JsonNode pascal(JsonNode node) {
        return rename(node, true);
    }

    private static JsonNode rename(JsonNode node, boolean upper) {
        if (node instanceof ObjectNode object) {
            ObjectNode renamed = LocalJson.object();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (upper && name.endsWith("At") && value.isNumber()) {
                    value = JsonNodeFactory.instance.numberNode(Math.round(value.doubleValue() * 1000));
                }
                renamed.set(firstLetter(name, upper), rename(value, upper));
            }
            return renamed;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode renamed = LocalJson.array();
            for (JsonNode item : array) renamed.add(rename(item, upper));
            return renamed;
        }
        return node.deepCopy();
    }

    private static String firstLetter(String name, boolean upper) {
        if (name.isEmpty()) return name;
        char first = name.charAt(0);
        char changed = upper ? Character.toUpperCase(first) : Character.toLowerCase(first);
        return first == changed ? name : changed + name.substring(1);
    }
}
