package dev.awstestharness.asl.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.EvaluationException;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}): JSON in which a field
 * whose name ends in {@code .$} takes the value of a path or intrinsic call, and loses the suffix. Parts without such
 * fields are kept as one shared constant.
 */
public abstract sealed class PayloadTemplate {
    /** Builds the payload; a path that selects nothing raises an EvaluationException naming the field. */
    public abstract JsonNode evaluate(DataScope scope);

    /**
     * Compiles a template. Problems (a {@code .$} field whose value is not a path or intrinsic call) are reported to
     * {@code problems} with the JSON pointer below {@code pointer}.
     */
    public static PayloadTemplate compile(JsonNode template, String pointer, ProblemSink problems) {
        if (!containsDynamicField(template)) return new Constant(template);
        if (template.isArray()) {
            List<PayloadTemplate> items = new ArrayList<>();
            for (int i = 0; i < template.size(); i++) {
                items.add(compile(template.get(i), pointer + "[" + i + "]", problems));
            }
            return new ArrayTemplate(items);
        }
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.endsWith(".$")) {
                if (!value.isTextual()) {
                    problems.report(pointer + "/" + name,
                            "The value for the field '" + name + "' must be a STRING that contains a JSONPath or an intrinsic function call");
                    continue;
                }
                try {
                    entries.add(new Entry(name.substring(0, name.length() - 2), name, null, ValueExpression.compile(value.textValue())));
                } catch (IllegalArgumentException e) {
                    problems.report(pointer + "/" + name,
                            "The value for the field '" + name + "' must be a valid JSONPath or a valid intrinsic function call: " + e.getMessage());
                }
            } else {
                entries.add(new Entry(name, name, compile(value, pointer + "/" + name, problems), null));
            }
        }
        return new ObjectTemplate(entries);
    }

    private static boolean containsDynamicField(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().endsWith(".$") || containsDynamicField(field.getValue())) return true;
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (containsDynamicField(item)) return true;
            }
        }
        return false;
    }

    /** Receives the problems found while compiling. */
    @FunctionalInterface
    public interface ProblemSink {
        void report(String pointer, String message);
    }

    private static final class Constant extends PayloadTemplate {
        private final JsonNode value;

        Constant(JsonNode value) {
            this.value = value;
        }

        @Override
        public JsonNode evaluate(DataScope scope) {
            return value;
        }
    }

    private static final class ArrayTemplate extends PayloadTemplate {
        private final List<PayloadTemplate> items;

        ArrayTemplate(List<PayloadTemplate> items) {
            this.items = items;
        }

        @Override
        public JsonNode evaluate(DataScope scope) {
            ArrayNode array = Json.NODES.arrayNode(items.size());
            for (PayloadTemplate item : items) array.add(item.evaluate(scope));
            return array;
        }
    }

    private record Entry(String name, String fieldName, PayloadTemplate template, ValueExpression expression) {}

    private static final class ObjectTemplate extends PayloadTemplate {
        private final List<Entry> entries;

        ObjectTemplate(List<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public JsonNode evaluate(DataScope scope) {
            ObjectNode object = Json.object();
            for (Entry entry : entries) {
                if (entry.expression() == null) {
                    object.set(entry.name(), entry.template().evaluate(scope));
                    continue;
                }
                try {
                    object.set(entry.name(), entry.expression().evaluate(scope));
                } catch (PathNotFoundException e) {
                    JsonNode document = e.path().startsWith("$$") ? scope.context() : scope.input();
                    throw new EvaluationException("The JSONPath '" + e.path() + "' specified for the field '"
                            + entry.fieldName() + "' could not be found in the input '" + Json.write(document) + "'");
                }
            }
            return object;
        }
    }
}
