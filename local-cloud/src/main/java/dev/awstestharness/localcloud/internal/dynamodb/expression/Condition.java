package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.internal.dynamodb.AttributeValues;
import java.util.List;

/** A condition of a ConditionExpression, FilterExpression or KeyConditionExpression, tested against an item. */
public interface Condition {
    boolean test(JsonNode item);

    /** {@code a = b}, {@code a <> b}, {@code a < b}, ...: ordering only between values of the same S, N or B type. */
    record Comparison(String operator, Operand left, Operand right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode a = left.value(item);
            JsonNode b = right.value(item);
            if (operator.equals("=")) return a != null && b != null && AttributeValues.equal(a, b);
            if (operator.equals("<>")) return a == null || b == null || !AttributeValues.equal(a, b);
            Integer order = AttributeValues.compare(a, b);
            if (order == null) return false;
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }
    }

    /** {@code a BETWEEN low AND high}, both bounds included. */
    record Between(Operand operand, Operand low, Operand high) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = operand.value(item);
            Integer fromLow = AttributeValues.compare(value, low.value(item));
            Integer toHigh = AttributeValues.compare(value, high.value(item));
            return fromLow != null && toHigh != null && fromLow >= 0 && toHigh <= 0;
        }
    }

    /** {@code a IN (b, c, ...)}. */
    record In(Operand operand, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = operand.value(item);
            if (value == null) return false;
            for (Operand candidate : candidates) if (AttributeValues.equal(value, candidate.value(item))) return true;
            return false;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return !condition.test(item);
        }
    }

    /** {@code attribute_exists(path)} or {@code attribute_not_exists(path)}. */
    record AttributeExists(Path path, boolean exists) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return (path.resolve(item) != null) == exists;
        }
    }

    /** {@code attribute_type(path, :type)}. */
    record AttributeType(Path path, Operand type) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = path.resolve(item);
            JsonNode expected = type.value(item);
            return value != null && expected != null && AttributeValues.type(value).equals(expected.path("S").asText());
        }
    }

    /** {@code begins_with(path, prefix)} for strings and binaries. */
    record BeginsWith(Operand operand, Operand prefix) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = operand.value(item);
            JsonNode start = prefix.value(item);
            if (value == null || start == null || !AttributeValues.type(value).equals(AttributeValues.type(start))) return false;
            return switch (AttributeValues.type(value)) {
                case "S" -> value.get("S").textValue().startsWith(start.get("S").textValue());
                case "B" -> startsWith(AttributeValues.bytesOf(value), AttributeValues.bytesOf(start));
                default -> false;
            };
        }

        private static boolean startsWith(byte[] bytes, byte[] prefix) {
            if (prefix.length > bytes.length) return false;
            for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
            return true;
        }
    }

    /** {@code contains(path, operand)}: a substring of a string, an element of a set, or an element of a list. */
    record Contains(Operand operand, Operand element) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = operand.value(item);
            JsonNode wanted = element.value(item);
            if (value == null || wanted == null) return false;
            String wantedType = AttributeValues.type(wanted);
            switch (AttributeValues.type(value)) {
                case "S":
                    return wantedType.equals("S") && value.get("S").textValue().contains(wanted.get("S").textValue());
                case "SS":
                    return wantedType.equals("S") && AttributeValues.setOf(value.get("SS")).contains(wanted.get("S").textValue());
                case "BS":
                    return wantedType.equals("B") && AttributeValues.setOf(value.get("BS")).contains(wanted.get("B").textValue());
                case "NS":
                    return wantedType.equals("N") && AttributeValues.numberSet(value.get("NS")).contains(AttributeValues.numberOf(wanted).stripTrailingZeros());
                case "L":
                    for (JsonNode candidate : value.get("L")) if (AttributeValues.equal(candidate, wanted)) return true;
                    return false;
                default:
                    return false;
            }
        }
    }
}
