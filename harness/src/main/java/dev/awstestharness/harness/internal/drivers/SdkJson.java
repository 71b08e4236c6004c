package dev.awstestharness.harness.internal.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** SDK model objects as JSON, with the member names of the service's JSON protocol ({@code executionFailedEventDetails}). */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {}

    static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode json = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null) continue;
            json.set(field.locationName(), value(value));
        }
        return json;
    }

    private static JsonNode value(Object value) {
        if (value instanceof SdkPojo pojo) return toJson(pojo);
        if (value instanceof String text) return NODES.textNode(text);
        if (value instanceof Boolean bool) return NODES.booleanNode(bool);
        if (value instanceof Integer number) return NODES.numberNode(number);
        if (value instanceof Long number) return NODES.numberNode(number);
        if (value instanceof Double number) return NODES.numberNode(number);
        if (value instanceof Float number) return NODES.numberNode(number);
        if (value instanceof java.math.BigDecimal number) return NODES.numberNode(number);
        if (value instanceof Instant instant) return NODES.textNode(instant.toString());
        if (value instanceof SdkBytes bytes) return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(value(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), value(item)));
            return object;
        }
        return NODES.textNode(String.valueOf(value));
    }
}
