package dev.awstestharness.asl.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the JSONata library works on. JSON null is the library's
 * {@link Jsonata#NULL_VALUE}; a Java {@code null} result means "undefined" (the expression selected nothing).
 */
final class JsonataValues {
    /** A value that is not JSON: a function, a regular expression. */
    static final class NotJsonException extends RuntimeException {
        NotJsonException() {
            super(null, null, false, false);
        }
    }

    private JsonataValues() {}

    static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) return null;
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    map.put(field.getKey(), toJsonata(field.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) list.add(toJsonata(item));
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    long value = node.longValue();
                    return value == (int) value ? (Object) (int) value : (Object) value;
                }
                return node.doubleValue();
            default:
                return Jsonata.NULL_VALUE;
        }
    }

    /** The JSON form of a result; {@link com.fasterxml.jackson.databind.node.MissingNode} for undefined. */
    static JsonNode toJson(Object value) {
        if (value == null) return Json.NODES.missingNode();
        return convert(value);
    }

    private static JsonNode convert(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) return Json.NODES.nullNode();
        if (value instanceof String text) return Json.NODES.textNode(text);
        if (value instanceof Boolean bool) return Json.NODES.booleanNode(bool);
        if (value instanceof Number number) return number(number);
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (isFunction(entry.getValue())) throw new NotJsonException();
                object.set(String.valueOf(entry.getKey()), convert(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode(list.size());
            for (Object item : list) {
                if (isFunction(item)) throw new NotJsonException();
                array.add(convert(item));
            }
            return array;
        }
        throw new NotJsonException();
    }

    private static boolean isFunction(Object value) {
        return value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number
                || value instanceof Map || value instanceof List || value == Jsonata.NULL_VALUE);
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return integral(number.longValue());
        }
        if (number instanceof BigInteger big) return Json.NODES.numberNode(big);
        if (number instanceof BigDecimal decimal) return Json.NODES.numberNode(decimal);
        double value = number.doubleValue();
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return integral((long) value);
        return Json.NODES.numberNode(value);
    }

    /** The node Jackson itself reads for an integer: an int node when it fits, so results compare equal to parsed JSON. */
    private static JsonNode integral(long value) {
        return value == (int) value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }
}
