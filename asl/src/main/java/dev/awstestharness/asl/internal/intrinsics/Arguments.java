package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;

/**
 * The evaluated arguments of one call, with typed access. A value of the wrong type or range fails the call the way
 * AWS does: {@code States.Runtime} with the cause "Invalid arguments in States.X"; which argument was wrong and why is
 * the message of the error's {@link Throwable#getCause() reason}.
 */
final class Arguments {
    private final Expression.Call call;
    private final JsonNode[] values;

    Arguments(Expression.Call call, JsonNode[] values) {
        this.call = call;
        this.values = values;
    }

    int size() {
        return values.length;
    }

    JsonNode get(int index) {
        return values[index];
    }

    String string(int index) {
        JsonNode value = values[index];
        if (!value.isTextual()) throw invalidArgument(index, "a string");
        return value.textValue();
    }

    ArrayNode array(int index) {
        JsonNode value = values[index];
        if (!value.isArray()) throw invalidArgument(index, "an array");
        return (ArrayNode) value;
    }

    ObjectNode object(int index) {
        JsonNode value = values[index];
        if (!value.isObject()) throw invalidArgument(index, "an object");
        return (ObjectNode) value;
    }

    double number(int index) {
        JsonNode value = values[index];
        if (!value.isNumber()) throw invalidArgument(index, "a number");
        return value.doubleValue();
    }

    /** A number rounded half up to an integer (1.5 is 2, -1.5 is -1), as {@code States.MathAdd} does. */
    int roundedInteger(int index) {
        long rounded = Math.round(number(index));
        if (rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
            throw invalidArgument(index, "an integer from -2147483648 to 2147483647");
        }
        return (int) rounded;
    }

    /** A number with its fraction dropped (2.6 is 2, -0.6 is 0), as AWS does for ranges, chunk sizes and indexes. */
    int truncatedInteger(int index) {
        double number = number(index);
        if (!(number > Integer.MIN_VALUE - 1.0 && number < Integer.MAX_VALUE + 1.0)) {
            throw invalidArgument(index, "an integer from -2147483648 to 2147483647");
        }
        return (int) number;
    }

    /** The text of a string argument with escapes still in place when it was written as a literal. */
    String template(int index) {
        String text = string(index);
        return call.arguments().get(index) instanceof Expression.Literal literal ? literal.escaped() : text;
    }

    StatesError invalidArgument(int index, String expected) {
        JsonNode value = values[index];
        String actual = value.isNull() ? "null" : "the " + Json.typeName(value) + " " + Json.abbreviate(value);
        return invalid("argument " + (index + 1) + " must be " + expected + ", but it is " + actual);
    }

    StatesError invalid(String detail) {
        String name = call.function().name();
        return new StatesError(
                StatesErrors.RUNTIME, "Invalid arguments in " + name, new IllegalArgumentException(name + ": " + detail));
    }
}
