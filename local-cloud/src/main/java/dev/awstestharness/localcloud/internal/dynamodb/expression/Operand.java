package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.dynamodb.AttributeValues;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.math.BigDecimal;

/** Something an expression computes a value from: a document path, a {@code :value}, or a function of operands. */
public interface Operand {
    /** The value against an item, or {@code null} when it has none (a path to a missing attribute). */
    JsonNode value(JsonNode item);

    /** A document path: the item's value there. */
    record PathOperand(Path path) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            return path.resolve(item);
        }
    }

    /** A {@code :value} from ExpressionAttributeValues. */
    record ValueOperand(String reference, JsonNode constant) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            return constant;
        }
    }

    /** {@code size(path)}: the length of a string or binary, the number of elements of a set, list or map. */
    record Size(Operand argument) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode value = argument.value(item);
            if (value == null) return null;
            JsonNode content = AttributeValues.content(value);
            long size = switch (AttributeValues.type(value)) {
                case "S" -> content.textValue().codePointCount(0, content.textValue().length());
                case "B" -> AttributeValues.bytesOf(value).length;
                case "SS", "NS", "BS", "L", "M" -> content.size();
                default -> -1;
            };
            return size < 0 ? null : AttributeValues.number(BigDecimal.valueOf(size));
        }
    }

    /** {@code if_not_exists(path, operand)} in a SET action. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode current = path.resolve(item);
            return current != null ? current : required(fallback, item);
        }
    }

    /** {@code list_append(list1, list2)} in a SET action. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode a = required(first, item);
            JsonNode b = required(second, item);
            if (!AttributeValues.type(a).equals("L") || !AttributeValues.type(b).equals("L")) {
                throw DynamoDbErrors.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                        + (AttributeValues.type(a).equals("L") ? AttributeValues.type(b) : AttributeValues.type(a)));
            }
            ObjectNode result = LocalJson.object();
            ArrayNode list = result.putArray("L");
            a.get("L").forEach(list::add);
            b.get("L").forEach(list::add);
            return result;
        }
    }

    /** {@code a + b} or {@code a - b} of numbers in a SET action. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode a = required(left, item);
            JsonNode b = required(right, item);
            if (!AttributeValues.type(a).equals("N") || !AttributeValues.type(b).equals("N")) {
                throw DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
            }
            BigDecimal y = AttributeValues.numberOf(b);
            return AttributeValues.number(AttributeValues.add(AttributeValues.numberOf(a), operator == '+' ? y : y.negate()));
        }
    }

    private static JsonNode required(Operand operand, JsonNode item) {
        JsonNode value = operand.value(item);
        if (value == null) throw DynamoDbErrors.validation("The provided expression refers to an attribute that does not exist in the item");
        return value;
    }
}
