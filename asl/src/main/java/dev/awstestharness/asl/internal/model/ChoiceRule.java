package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.jsonata.JsonataException;
import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.EvaluationException;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** A Boolean expression of a Choice state: a comparison on a variable, or And / Or / Not of other rules. */
public sealed interface ChoiceRule {
    /** The shape of a timestamp in the States language: RFC 3339 with upper-case {@code T} and {@code Z}. */
    Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    boolean matches(DataScope scope);

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            for (ChoiceRule rule : rules) {
                if (!rule.matches(scope)) return false;
            }
            return true;
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            for (ChoiceRule rule : rules) {
                if (rule.matches(scope)) return true;
            }
            return false;
        }
    }

    /** A JSONata {@code Condition}; {@code field} names it in errors, e.g. {@code Choices[0]/Condition}. */
    record Condition(JsonataTemplate condition, String field) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            JsonNode value = condition.evaluate(scope, field);
            if (!value.isBoolean()) {
                String expression = condition.expressionSource();
                throw new JsonataException((expression == null ? "The value" : "The JSONata expression '" + expression + "'")
                        + " specified for the field '" + field + "' returned an unexpected result type. Expected 'boolean', but was '"
                        + Json.typeName(value) + "' for value: " + Json.write(value));
            }
            return value.booleanValue();
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(DataScope scope) {
            return !rule.matches(scope);
        }
    }

    /**
     * {@code Variable} compared with a literal ({@code value}) or with the value at another path ({@code valuePath}).
     * A value of the wrong type makes the comparison false; a missing variable or value path is a runtime error,
     * except for {@code IsPresent}.
     */
    record Comparison(JsonPathExpression variable, ComparisonOperator operator, JsonNode value, JsonPathExpression valuePath,
            StringPattern pattern) implements ChoiceRule {

        @Override
        public boolean matches(DataScope scope) {
            JsonNode actual;
            try {
                actual = variable.read(scope);
            } catch (PathNotFoundException e) {
                if (operator == ComparisonOperator.IS_PRESENT) return !value.booleanValue();
                throw new EvaluationException("Invalid path '" + variable.source() + "' : " + e.getMessage());
            }
            JsonNode expected = value;
            if (valuePath != null) {
                try {
                    expected = valuePath.read(scope);
                } catch (PathNotFoundException e) {
                    throw new EvaluationException("Invalid path '" + valuePath.source() + "' : " + e.getMessage());
                }
            }
            return switch (operator.kind()) {
                case TYPE_TEST -> typeTest(actual) == expected.booleanValue();
                case STRING -> actual.isTextual() && expected.isTextual()
                        && operator.relation().holds(Integer.signum(actual.textValue().compareTo(expected.textValue())));
                case STRING_PATTERN -> actual.isTextual() && pattern.matches(actual.textValue());
                case NUMERIC -> actual.isNumber() && expected.isNumber()
                        && operator.relation().holds(compareNumbers(actual, expected));
                case BOOLEAN -> actual.isBoolean() && expected.isBoolean() && actual.booleanValue() == expected.booleanValue();
                case TIMESTAMP -> compareTimestamps(actual, expected);
            };
        }

        private boolean typeTest(JsonNode actual) {
            return switch (operator) {
                case IS_NULL -> actual.isNull();
                case IS_PRESENT -> true;
                case IS_NUMERIC -> actual.isNumber();
                case IS_STRING -> actual.isTextual();
                case IS_BOOLEAN -> actual.isBoolean();
                case IS_TIMESTAMP -> actual.isTextual() && parseTimestamp(actual.textValue()) != null;
                default -> throw new IllegalStateException(operator + " is not a type test");
            };
        }

        private boolean compareTimestamps(JsonNode actual, JsonNode expected) {
            if (!actual.isTextual() || !expected.isTextual()) return false;
            OffsetDateTime left = parseTimestamp(actual.textValue());
            OffsetDateTime right = parseTimestamp(expected.textValue());
            return left != null && right != null
                    && operator.relation().holds(Integer.signum(left.toInstant().compareTo(right.toInstant())));
        }

        private static int compareNumbers(JsonNode left, JsonNode right) {
            if (left.canConvertToExactIntegral() && right.canConvertToExactIntegral()
                    && left.canConvertToLong() && right.canConvertToLong()) {
                return Long.compare(left.longValue(), right.longValue());
            }
            return Integer.signum(decimal(left).compareTo(decimal(right)));
        }

        private static BigDecimal decimal(JsonNode number) {
            return number.isBigDecimal() || number.isBigInteger() || number.isIntegralNumber()
                    ? number.decimalValue()
                    : new BigDecimal(number.asText());
        }

        @Override
        public String toString() {
            return "{\"Variable\":\"" + variable.source() + "\",\"" + operator.fieldName()
                    + (valuePath != null ? "Path\":\"" + valuePath.source() + "\"}" : "\":" + Json.write(value) + "}");
        }
    }

    /**
     * Parses an RFC 3339 timestamp as Step Functions accepts it; {@code null} when the text is not one. Seconds and an
     * offset are required, and the {@code T} and {@code Z} must be upper case (the Java parser alone would also accept
     * {@code 2016-08-18t17:33z}).
     */
    static OffsetDateTime parseTimestamp(String text) {
        if (!RFC_3339.matcher(text).matches()) return null;
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
