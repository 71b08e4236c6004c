package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.model.PathField;
import dev.awstestharness.asl.internal.model.ResultPathField;
import dev.awstestharness.asl.internal.model.SecondsField;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import dev.awstestharness.asl.internal.path.ReferencePath;
import dev.awstestharness.asl.internal.template.PayloadTemplate;
import java.util.Iterator;
import java.util.Set;

/** Typed access to the fields of one JSON object of a definition; every problem is reported with its JSON pointer. */
final class ObjectReader {
    private final JsonNode node;
    private final String pointer;
    private final Problems problems;

    ObjectReader(JsonNode node, String pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    String pointer() {
        return pointer;
    }

    String pointer(String field) {
        return pointer + "/" + field;
    }

    /** This object's pointer as the location of a problem: {@code "/"} for the document itself. */
    String location() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    /** Reports each field outside {@code allowed}, and each field of {@code unsupported} as not supported yet. */
    void checkFields(Set<String> allowed, Set<String> unsupported, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (unsupported.contains(field)) {
                problems.add(Problems.UNSUPPORTED, "The field '" + field + "' is not supported by this local interpreter yet",
                        pointer(field));
            } else if (!allowed.contains(field)) {
                problems.schema(pointer(field), "The field '" + field + "' is not supported by " + what);
            }
        }
    }

    String string(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) problems.schema(location(), "Missing required field '" + field + "'");
            return null;
        }
        if (!value.isTextual()) {
            problems.schema(pointer(field), "Expected value of type: String");
            return null;
        }
        return value.textValue();
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) return null;
        if (!value.isBoolean()) {
            problems.schema(pointer(field), "Expected value of type: Boolean");
            return null;
        }
        return value.booleanValue();
    }

    /** An integer of at least {@code min}; {@code null} when absent or invalid. */
    Long integer(String field, long min) {
        JsonNode value = node.get(field);
        if (value == null) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.schema(pointer(field), "Expected value of type: Integer");
            return null;
        }
        if (value.longValue() < min) {
            problems.schema(pointer(field), "The value of '" + field + "' must be at least " + min + " but was " + value.longValue());
            return null;
        }
        return value.longValue();
    }

    Double number(String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null) return null;
        if (!value.isNumber()) {
            problems.schema(pointer(field), "Expected value of type: Number");
            return null;
        }
        double number = value.doubleValue();
        if (number < min || number > max) {
            problems.schema(pointer(field), "The value of '" + field + "' must be "
                    + (max == Double.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + " but was " + value);
            return null;
        }
        return number;
    }

    JsonPathExpression path(String field) {
        String text = string(field, false);
        if (text == null) return null;
        return compilePath(field, text);
    }

    private JsonPathExpression compilePath(String field, String text) {
        try {
            return JsonPathExpression.compile(text);
        } catch (IllegalArgumentException e) {
            problems.schema(pointer(field), "The value for the field '" + field + "' must be a valid JSONPath: " + e.getMessage());
            return null;
        }
    }

    /** InputPath, OutputPath, ItemsPath: absent means the whole document, JSON null means an empty object. */
    PathField pathField(String field) {
        JsonNode value = node.get(field);
        if (value == null) return PathField.WHOLE;
        if (value.isNull()) return PathField.EMPTY;
        JsonPathExpression path = path(field);
        return path == null ? PathField.WHOLE : PathField.of(path);
    }

    ResultPathField resultPath(String field) {
        JsonNode value = node.get(field);
        if (value == null) return ResultPathField.REPLACE;
        if (value.isNull()) return ResultPathField.DISCARD;
        if (!value.isTextual()) {
            problems.schema(pointer(field), "Expected value of type: String");
            return ResultPathField.REPLACE;
        }
        try {
            return ResultPathField.of(ReferencePath.parse(value.textValue()));
        } catch (IllegalArgumentException e) {
            problems.schema(pointer(field), "The value for the field '" + field + "' must be a valid reference path: " + e.getMessage());
            return ResultPathField.REPLACE;
        }
    }

    PayloadTemplate template(String field) {
        JsonNode value = node.get(field);
        if (value == null) return null;
        if (!value.isObject()) {
            problems.schema(pointer(field), "Expected value of type: Object");
            return null;
        }
        return PayloadTemplate.compile(value, pointer(field), problems::schema);
    }

    /** {@code <field>} and {@code <field>Path}, which exclude each other; in JSONata the field may be an expression. */
    SecondsField seconds(String field) {
        JsonataTemplate expression = expressionIn(field);
        Long seconds = expression == null ? integer(field, 1) : null;
        JsonPathExpression path = path(field + "Path");
        if (has(field) && path != null) {
            problems.schema(pointer, "The fields '" + field + "' and '" + field + "Path' cannot both be present");
        }
        return seconds == null && path == null && expression == null ? SecondsField.NONE : new SecondsField(seconds, path, expression);
    }

    /** The field compiled as a JSONata template (any JSON value, {@code "{% %}"} strings evaluated), or {@code null}. */
    JsonataTemplate jsonata(String field) {
        JsonNode value = node.get(field);
        if (value == null) return null;
        return JsonataTemplate.compile(value, pointer(field), problems::schema);
    }

    /** The field as a JSONata expression when it is written as one ({@code "{% ... %}"}), otherwise {@code null}. */
    JsonataTemplate expressionIn(String field) {
        JsonNode value = node.get(field);
        return value != null && JsonataTemplate.isExpression(value) ? jsonata(field) : null;
    }
}
