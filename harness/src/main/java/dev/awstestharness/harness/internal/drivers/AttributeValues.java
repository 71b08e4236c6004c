package dev.awstestharness.harness.internal.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.harness.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON-like values to and from DynamoDB attribute values: strings (S), numbers (N, exactly as written: no rounding
 * through double), booleans (BOOL), null (NULL), lists (L), maps and objects (M), byte arrays (B); sets read as lists.
 * Any other value (a record, a bean) goes through Jackson first.
 */
public final class AttributeValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeValues() {}

    /** An item or key: a map of attribute names to values. */
    public static Map<String, AttributeValue> item(Map<String, ?> values) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        values.forEach((name, value) -> item.put(name, attribute(value)));
        return item;
    }

    public static AttributeValue attribute(Object value) {
        if (value == null) return AttributeValue.fromNul(true);
        if (value instanceof AttributeValue attribute) return attribute;
        if (value instanceof JsonNode node) return attribute(node);
        if (value instanceof CharSequence text) return AttributeValue.fromS(text.toString());
        if (value instanceof Boolean bool) return AttributeValue.fromBool(bool);
        if (value instanceof Number number) return AttributeValue.fromN(number(number));
        if (value instanceof byte[] bytes) return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        if (value instanceof SdkBytes bytes) return AttributeValue.fromB(bytes);
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> attributes = new LinkedHashMap<>();
            map.forEach((key, item) -> attributes.put(String.valueOf(key), attribute(item)));
            return AttributeValue.fromM(attributes);
        }
        if (value instanceof Collection<?> items) {
            List<AttributeValue> attributes = new ArrayList<>(items.size());
            items.forEach(item -> attributes.add(attribute(item)));
            return AttributeValue.fromL(attributes);
        }
        if (value instanceof Object[] items) return attribute(List.of(items));
        return attribute(Json.toJson(value));
    }

    static AttributeValue attribute(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return AttributeValue.fromNul(true);
        if (node.isTextual()) return AttributeValue.fromS(node.textValue());
        if (node.isBoolean()) return AttributeValue.fromBool(node.booleanValue());
        if (node.isNumber()) return AttributeValue.fromN(node.isIntegralNumber() ? node.bigIntegerValue().toString() : plain(node.decimalValue()));
        if (node.isBinary()) {
            try {
                return AttributeValue.fromB(SdkBytes.fromByteArray(node.binaryValue()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("Cannot read binary JSON value " + node, e);
            }
        }
        if (node.isArray()) {
            List<AttributeValue> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(attribute(item)));
            return AttributeValue.fromL(items);
        }
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        node.properties().forEach(entry -> attributes.put(entry.getKey(), attribute(entry.getValue())));
        return AttributeValue.fromM(attributes);
    }

    private static String number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) return plain(decimal);
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("DynamoDB numbers are finite, but the value is " + number);
        }
        return plain(new BigDecimal(number.toString()));
    }

    private static String plain(BigDecimal decimal) {
        return decimal.toPlainString();
    }

    /** An item as a JSON object. */
    public static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, json(value)));
        return object;
    }

    public static JsonNode json(AttributeValue value) {
        if (value == null) return NODES.nullNode();
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> number(value.n());
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            case B -> NODES.textNode(Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe()));
            case M -> json(value.m());
            case L -> {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(item -> array.add(json(item)));
                yield array;
            }
            case SS -> {
                ArrayNode array = NODES.arrayNode();
                value.ss().forEach(array::add);
                yield array;
            }
            case NS -> {
                ArrayNode array = NODES.arrayNode();
                value.ns().forEach(number -> array.add(number(number)));
                yield array;
            }
            case BS -> {
                ArrayNode array = NODES.arrayNode();
                value.bs().forEach(bytes -> array.add(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe())));
                yield array;
            }
            default -> NODES.textNode(String.valueOf(value));
        };
    }

    /**
     * A DynamoDB number as JSON, exactly: a whole number as an integer node, a fraction as a double when the double
     * is exactly the number (so that it equals what {@code json("1.5")} gives), else as a decimal node.
     */
    static JsonNode number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            BigInteger integer = stripped.toBigIntegerExact();
            if (integer.bitLength() < 32) return NODES.numberNode(integer.intValue());
            if (integer.bitLength() < 64) return NODES.numberNode(integer.longValue());
            return NODES.numberNode(integer);
        }
        double asDouble = decimal.doubleValue();
        if (!Double.isInfinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(decimal) == 0) return NODES.numberNode(asDouble);
        return NODES.numberNode(decimal);
    }
}
