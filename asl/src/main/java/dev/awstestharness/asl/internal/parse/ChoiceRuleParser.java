package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.ChoiceRule;
import dev.awstestharness.asl.internal.model.ComparisonOperator;
import dev.awstestharness.asl.internal.model.QueryLanguage;
import dev.awstestharness.asl.internal.model.StringPattern;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Parses the Boolean expressions of a Choice state. */
final class ChoiceRuleParser {
    private ChoiceRuleParser() {}

    /** Parses one rule; {@code null} when it is invalid (the problems are reported). */
    static ChoiceRule parse(JsonNode node, String pointer, Problems problems, boolean topLevel, QueryLanguage language) {
        if (!node.isObject()) {
            problems.schema(pointer, "Expected value of type: Object");
            return null;
        }
        ObjectReader rule = new ObjectReader(node, pointer, problems);
        if (language == QueryLanguage.JSONATA) return condition(rule, pointer);
        if (!topLevel && rule.has("Next")) {
            problems.schema(rule.pointer("Next"), "A nested Choice rule cannot have a 'Next' field");
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("Next") || field.equals("Variable") || field.equals("Comment")) continue;
            if (topLevel && field.equals("Assign")) continue;
            if (field.equals("Output") || field.equals("Condition") || field.equals("Assign")) {
                problems.schema(rule.pointer(field), field.equals("Assign")
                        ? "A nested Choice rule cannot have an 'Assign' field"
                        : "The field '" + field + "' is only supported in JSONata states (set QueryLanguage to JSONata)");
                return null;
            }
            operators.add(field);
        }
        if (operators.size() != 1) {
            problems.schema(pointer, operators.isEmpty()
                    ? "A Choice rule needs one comparison operator or And, Or, Not"
                    : "A Choice rule must have exactly one comparison operator or And, Or, Not but has " + operators);
            return null;
        }
        String operator = operators.get(0);
        return switch (operator) {
            case "And", "Or" -> combination(rule, operator);
            case "Not" -> {
                if (rule.has("Variable")) problems.schema(rule.pointer("Variable"), "'Not' cannot have a 'Variable'");
                ChoiceRule inner = parse(node.get("Not"), rule.pointer("Not"), problems, false, QueryLanguage.JSONPATH);
                yield inner == null ? null : new ChoiceRule.Not(inner);
            }
            default -> comparison(rule, operator);
        };
    }

    /** A JSONata rule: a {@code Condition} with optional Assign and Output. */
    private static ChoiceRule condition(ObjectReader rule, String pointer) {
        rule.checkFields(Set.of("Condition", "Next", "Assign", "Output", "Comment"), Set.of(), "a JSONata Choice rule");
        if (!rule.has("Condition")) {
            rule.problems().schema(pointer, "A JSONata Choice rule needs a 'Condition'");
            return null;
        }
        String field = pointer.substring(pointer.indexOf("Choices")) + "/Condition";
        return new ChoiceRule.Condition(rule.jsonata("Condition"), field);
    }

    private static ChoiceRule combination(ObjectReader rule, String operator) {
        JsonNode rules = rule.raw(operator);
        if (rule.has("Variable")) rule.problems().schema(rule.pointer("Variable"), "'" + operator + "' cannot have a 'Variable'");
        if (!rules.isArray() || rules.isEmpty()) {
            rule.problems().schema(rule.pointer(operator), "Expected a non-empty array of Choice rules");
            return null;
        }
        List<ChoiceRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            // parse every inner rule, so that the problems of all of them are reported
            ChoiceRule inner = parse(rules.get(i), rule.pointer(operator) + "[" + i + "]", rule.problems(), false, QueryLanguage.JSONPATH);
            if (inner != null) parsed.add(inner);
        }
        if (parsed.size() < rules.size()) return null;
        return operator.equals("And") ? new ChoiceRule.And(parsed) : new ChoiceRule.Or(parsed);
    }

    private static ChoiceRule comparison(ObjectReader rule, String field) {
        boolean isPath = field.endsWith("Path") && ComparisonOperator.forField(field) == null;
        ComparisonOperator operator = ComparisonOperator.forField(isPath ? field.substring(0, field.length() - 4) : field);
        if (operator == null || (isPath && !operator.hasPathVariant())) {
            rule.problems().schema(rule.pointer(field), "Unknown Choice comparison operator '" + field + "'");
            return null;
        }
        if (!rule.has("Variable")) {
            rule.problems().schema(rule.pointer(), "A comparison needs a 'Variable'");
            return null;
        }
        JsonPathExpression variable = rule.path("Variable");
        if (variable == null) return null;
        JsonNode value = rule.raw(field);
        if (isPath) {
            JsonPathExpression valuePath = rule.path(field);
            return valuePath == null ? null : new ChoiceRule.Comparison(variable, operator, null, valuePath, null);
        }
        String expected = switch (operator.kind()) {
            case STRING, STRING_PATTERN -> value.isTextual() ? null : "String";
            case NUMERIC -> value.isNumber() ? null : "Number";
            case BOOLEAN, TYPE_TEST -> value.isBoolean() ? null : "Boolean";
            case TIMESTAMP -> value.isTextual() && isTimestamp(value.textValue()) ? null : "Timestamp";
        };
        if (expected != null) {
            rule.problems().schema(rule.pointer(field), "Expected value of type: " + expected);
            return null;
        }
        StringPattern pattern = operator == ComparisonOperator.STRING_MATCHES ? StringPattern.compile(value.textValue()) : null;
        return new ChoiceRule.Comparison(variable, operator, value, null, pattern);
    }

    private static boolean isTimestamp(String text) {
        return ChoiceRule.parseTimestamp(text) != null;
    }
}
