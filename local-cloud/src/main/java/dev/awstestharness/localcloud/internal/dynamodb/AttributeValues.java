package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's AttributeValue in its wire form ({@code {"S": "x"}}, {@code {"N": "1.50"}}, ...): validation as DynamoDB
 * validates it, numbers as exact decimals normalised as DynamoDB returns them, equality (sets without order, numbers by
 * value) and the ordering of S, N and B.
 */
public final class AttributeValues {
    public static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

    private AttributeValues() {}

    /** The type of a value already validated: {@code S}, {@code N}, ... */
    public static String type(JsonNode value) {
        return value.fieldNames().next();
    }

    public static JsonNode content(JsonNode value) {
        return value.elements().next();
    }

    public static ObjectNode string(String text) {
        return LocalJson.object().put("S", text);
    }

    public static ObjectNode number(BigDecimal number) {
        return LocalJson.object().put("N", format(number));
    }

    public static BigDecimal numberOf(JsonNode value) {
        return new BigDecimal(value.get("N").textValue());
    }

    public static byte[] bytesOf(JsonNode value) {
        return Base64.getDecoder().decode(value.get("B").textValue());
    }

    /** A number as DynamoDB returns it: no exponent, no trailing zeros. */
    public static String format(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.signum() == 0) return "0";
        return stripped.toPlainString();
    }

    /**
     * Checks a value (recursively) and returns it normalised: numbers in DynamoDB's form, sets checked for emptiness
     * and duplicates.
     */
    public static JsonNode validate(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw DynamoDbErrors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (value.size() > 1) {
            throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        String type = type(value);
        JsonNode content = content(value);
        ObjectNode result = LocalJson.object();
        switch (type) {
            case "S" -> result.put("S", text(content, type));
            case "N" -> result.put("N", format(parseNumber(text(content, type))));
            case "B" -> result.put("B", Base64.getEncoder().encodeToString(binary(content)));
            case "BOOL" -> {
                if (!content.isBoolean()) throw invalidType(type);
                result.put("BOOL", content.booleanValue());
            }
            case "NULL" -> {
                if (!content.isBoolean() || !content.booleanValue()) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                result.put("NULL", true);
            }
            case "M" -> {
                if (!content.isObject()) throw invalidType(type);
                ObjectNode map = result.putObject("M");
                for (Map.Entry<String, JsonNode> entry : content.properties()) map.set(entry.getKey(), validate(entry.getValue()));
            }
            case "L" -> {
                if (!content.isArray()) throw invalidType(type);
                ArrayNode list = result.putArray("L");
                content.forEach(element -> list.add(validate(element)));
            }
            case "SS", "NS", "BS" -> result.set(type, validateSet(type, content));
            default -> throw DynamoDbErrors.validation("Supplied AttributeValue has an unknown datatype: " + type);
        }
        return result;
    }

    private static ArrayNode validateSet(String type, JsonNode content) {
        if (!content.isArray()) throw invalidType(type);
        if (content.isEmpty()) {
            throw DynamoDbErrors.validation(switch (type) {
                case "SS" -> "One or more parameter values were invalid: An string set  may not be empty";
                case "NS" -> "One or more parameter values were invalid: An number set  may not be empty";
                default -> "One or more parameter values were invalid: Binary sets should not be empty";
            });
        }
        ArrayNode set = LocalJson.array();
        List<String> originals = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        boolean duplicates = false;
        for (JsonNode element : content) {
            String text = element.isTextual() ? element.textValue() : null;
            if (text == null) throw invalidType(type);
            originals.add(text);
            switch (type) {
                case "SS" -> {
                    duplicates |= !seen.add(text);
                    set.add(text);
                }
                case "NS" -> {
                    String normalised = format(parseNumber(text));
                    duplicates |= !seen.add(normalised);
                    set.add(normalised);
                }
                default -> {
                    byte[] bytes = binary(element);
                    duplicates |= !seen.add(Arrays.toString(bytes));
                    set.add(Base64.getEncoder().encodeToString(bytes));
                }
            }
        }
        if (duplicates) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Input collection " + originals + " contains duplicates.");
        }
        return set;
    }

    private static String text(JsonNode content, String type) {
        if (!content.isTextual()) throw invalidType(type);
        return content.textValue();
    }

    private static byte[] binary(JsonNode content) {
        if (!content.isTextual()) throw invalidType("B");
        try {
            return Base64.getDecoder().decode(content.textValue());
        } catch (IllegalArgumentException e) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Invalid binary value (Base64 expected)");
        }
    }

    private static RuntimeException invalidType(String type) {
        return DynamoDbErrors.validation("Start of structure or map found where not expected for AttributeValue of type " + type);
    }

    public static BigDecimal parseNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw DynamoDbErrors.validation("A value provided cannot be converted into a number");
        }
        return checkNumber(number);
    }

    public static BigDecimal checkNumber(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.precision() > 38) throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        if (stripped.signum() != 0) {
            if (stripped.abs().compareTo(MAX_MAGNITUDE) > 0) {
                throw DynamoDbErrors.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
            }
            if (stripped.abs().compareTo(MIN_MAGNITUDE) < 0) {
                throw DynamoDbErrors.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
            }
        }
        return stripped;
    }

    /** Sum or difference of two numbers, with DynamoDB's precision limit. */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return checkNumber(a.add(b, MathContext.UNLIMITED));
    }

    /** DynamoDB equality: same type and value; numbers by value, sets regardless of order. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) return false;
        String type = type(a);
        if (!type.equals(type(b))) return false;
        JsonNode x = content(a);
        JsonNode y = content(b);
        switch (type) {
            case "N":
                return numberOf(a).compareTo(numberOf(b)) == 0;
            case "SS":
            case "BS":
                return setOf(x).equals(setOf(y));
            case "NS":
                return numberSet(x).equals(numberSet(y));
            case "M":
                if (x.size() != y.size()) return false;
                for (Map.Entry<String, JsonNode> entry : x.properties()) {
                    if (!equal(entry.getValue(), y.get(entry.getKey()))) return false;
                }
                return true;
            case "L":
                if (x.size() != y.size()) return false;
                for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
                return true;
            default:
                return x.equals(y);
        }
    }

    public static Set<String> setOf(JsonNode array) {
        Set<String> set = new HashSet<>();
        array.forEach(element -> set.add(element.textValue()));
        return set;
    }

    public static Set<BigDecimal> numberSet(JsonNode array) {
        Set<BigDecimal> set = new HashSet<>();
        array.forEach(element -> set.add(new BigDecimal(element.textValue()).stripTrailingZeros()));
        return set;
    }

    public static boolean isScalarOrderable(JsonNode value) {
        String type = type(value);
        return type.equals("S") || type.equals("N") || type.equals("B");
    }

    /** The order of two values of the same orderable type (S by code points, N by value, B by unsigned bytes); {@code null} otherwise. */
    public static Integer compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) return null;
        String type = type(a);
        if (!type.equals(type(b)) || !isScalarOrderable(a)) return null;
        return switch (type) {
            case "N" -> numberOf(a).compareTo(numberOf(b));
            case "S" -> compareStrings(a.get("S").textValue(), b.get("S").textValue());
            default -> Arrays.compareUnsigned(bytesOf(a), bytesOf(b));
        };
    }

    /** UTF-8 byte order, which is code point order. */
    public static int compareStrings(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** The size DynamoDB counts for a value, for the 400 KB item limit and the 1 MB page limit. */
    public static long size(JsonNode value) {
        String type = type(value);
        JsonNode content = content(value);
        return switch (type) {
            case "S" -> content.textValue().getBytes(StandardCharsets.UTF_8).length;
            case "N" -> (content.textValue().length() + 1) / 2 + 1;
            case "B" -> bytesOf(value).length;
            case "BOOL", "NULL" -> 1;
            case "SS", "NS", "BS" -> {
                long total = 0;
                for (JsonNode element : content) total += element.textValue().getBytes(StandardCharsets.UTF_8).length;
                yield total;
            }
            case "M" -> {
                long total = 3;
                for (Map.Entry<String, JsonNode> entry : content.properties()) {
                    total += entry.getKey().getBytes(StandardCharsets.UTF_8).length + size(entry.getValue()) + 1;
                }
                yield total;
            }
            default -> {
                long total = 3;
                for (JsonNode element : content) total += size(element) + 1;
                yield total;
            }
        };
    }

    public static long itemSize(JsonNode item) {
        long total = 0;
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            total += entry.getKey().getBytes(StandardCharsets.UTF_8).length + size(entry.getValue());
        }
        return total;
    }

    /** A value as DynamoDB's messages show it, e.g. {@code {N:5}} or {@code {S:abc}}. */
    public static String describe(JsonNode value) {
        return "{" + type(value) + ":" + (content(value).isValueNode() ? content(value).asText() : content(value).toString()) + "}";
    }
}
