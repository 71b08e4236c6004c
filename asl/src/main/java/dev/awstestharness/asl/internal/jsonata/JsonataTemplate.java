package dev.awstestharness.asl.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.DataScope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value of a JSONata state field ({@code Arguments}, {@code Output}, {@code Assign}, {@code Items}, ...) in
 * which every string written as {@code "{% expression %}"} is a JSONata expression; everything else is literal.
 * Failures name the field as AWS does: {@code Output/result}, {@code Items[2]}.
 */
public abstract sealed class JsonataTemplate {
    private static final String OPEN = "{%";
    private static final String CLOSE = "%}";

    /** Evaluates the template; {@code field} is the name of the field it was written in. */
    public final JsonNode evaluate(DataScope scope, String field) {
        return evaluateAt(scope, field);
    }

    abstract JsonNode evaluateAt(DataScope scope, String field);

    /** Whether the template is one expression (rather than a literal or a structure holding some). */
    public boolean isExpression() {
        return this instanceof Expression;
    }

    /** Whether a string is written as a JSONata expression. */
    public static boolean isExpression(JsonNode value) {
        if (!value.isTextual()) return false;
        String text = value.textValue();
        return text.length() >= 4 && text.startsWith(OPEN) && text.endsWith(CLOSE);
    }

    /**
     * Compiles a template; problems (syntax errors) go to {@code problems} with the pointer below {@code pointer}.
     */
    public static JsonataTemplate compile(JsonNode value, String pointer, ProblemSink problems) {
        if (isExpression(value)) {
            String text = value.textValue();
            String source = text.substring(OPEN.length(), text.length() - CLOSE.length()).trim();
            try {
                return new Expression(JsonataExpression.compile(source));
            } catch (IllegalArgumentException e) {
                problems.report(pointer, "The JSONata expression '" + source + "' is not valid: " + e.getMessage());
                return new Literal(value);
            }
        }
        if (!containsExpression(value)) return new Literal(value);
        if (value.isArray()) {
            List<JsonataTemplate> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) items.add(compile(value.get(i), pointer + "[" + i + "]", problems));
            return new ArrayTemplate(items);
        }
        List<String> names = new ArrayList<>();
        List<JsonataTemplate> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            names.add(field.getKey());
            values.add(compile(field.getValue(), pointer + "/" + field.getKey(), problems));
        }
        return new ObjectTemplate(names, values);
    }

    private static boolean containsExpression(JsonNode value) {
        if (isExpression(value)) return true;
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (containsExpression(child)) return true;
            }
        }
        return false;
    }

    /** Receives the problems found while compiling. */
    @FunctionalInterface
    public interface ProblemSink {
        void report(String pointer, String message);
    }

    private static final class Literal extends JsonataTemplate {
        private final JsonNode value;

        Literal(JsonNode value) {
            this.value = value;
        }

        @Override
        JsonNode evaluateAt(DataScope scope, String field) {
            return value;
        }
    }

    private static final class Expression extends JsonataTemplate {
        private final JsonataExpression expression;

        Expression(JsonataExpression expression) {
            this.expression = expression;
        }

        @Override
        JsonNode evaluateAt(DataScope scope, String field) {
            JsonNode result;
            try {
                result = expression.evaluate(scope);
            } catch (JsonataException e) {
                String message = e.getMessage();
                boolean coded = message != null && message.matches("^[A-Z]\\d{4}:.*");
                throw new JsonataException(describe(field) + " threw an error during evaluation" + (coded ? ". " : ": ") + message);
            } catch (JsonataValues.NotJsonException e) {
                throw new JsonataException(describe(field) + " returned an unsupported result type.");
            }
            if (result.isMissingNode()) throw new JsonataException(describe(field) + " returned nothing (undefined).");
            return result;
        }

        private String describe(String field) {
            return "The JSONata expression '" + expression.source() + "' specified for the field '" + field + "'";
        }

        String source() {
            return expression.source();
        }
    }

    private static final class ArrayTemplate extends JsonataTemplate {
        private final List<JsonataTemplate> items;

        ArrayTemplate(List<JsonataTemplate> items) {
            this.items = items;
        }

        @Override
        JsonNode evaluateAt(DataScope scope, String field) {
            ArrayNode array = Json.NODES.arrayNode(items.size());
            for (int i = 0; i < items.size(); i++) array.add(items.get(i).evaluateAt(scope, field + "[" + i + "]"));
            return array;
        }
    }

    private static final class ObjectTemplate extends JsonataTemplate {
        private final List<String> names;
        private final List<JsonataTemplate> values;

        ObjectTemplate(List<String> names, List<JsonataTemplate> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        JsonNode evaluateAt(DataScope scope, String field) {
            ObjectNode object = Json.object();
            for (int i = 0; i < names.size(); i++) object.set(names.get(i), values.get(i).evaluateAt(scope, field + "/" + names.get(i)));
            return object;
        }
    }

    /** The source of a single-expression template, for messages about its result; {@code null} otherwise. */
    public String expressionSource() {
        return this instanceof Expression expression ? expression.source() : null;
    }
}
