package dev.awstestharness.localcloud.internal.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks the fields of a request, failing with the errors AWS gives for missing or ill-typed ones. */
final class Params {
    /** Characters AWS forbids in state machine and execution names. */
    private static final Pattern INVALID_NAME_CHARACTERS =
            Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1F\\x7F-\\x9F]");

    private final ObjectNode input;

    Params(ObjectNode input) {
        this.input = input;
    }

    boolean present(String field) {
        JsonNode value = input.get(field);
        return value != null && !value.isNull();
    }

    String required(String field) {
        String value = optional(field);
        if (value == null) throw SfnErrors.missing(field);
        return value;
    }

    String optional(String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw SfnErrors.validation("The value of '" + field + "' must be a string, but was " + kind(value) + ": " + value);
        return value.textValue();
    }

    String required(String field, int maxLength) {
        String value = required(field);
        checkLength(field, value, maxLength);
        return value;
    }

    String optional(String field, int maxLength) {
        String value = optional(field);
        if (value != null) checkLength(field, value, maxLength);
        return value;
    }

    boolean flag(String field, boolean defaultValue) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) return defaultValue;
        if (!value.isBoolean()) throw SfnErrors.validation("The value of '" + field + "' must be a boolean, but was " + kind(value) + ": " + value);
        return value.booleanValue();
    }

    /** {@code maxResults}: 0 to 1000, where 0 or absent means {@code defaultValue}. */
    int maxResults(int defaultValue) {
        JsonNode value = input.get("maxResults");
        if (value == null || value.isNull()) return defaultValue;
        if (!value.isIntegralNumber()) throw SfnErrors.validation("The value of 'maxResults' must be an integer, but was " + kind(value) + ": " + value);
        long number = value.longValue();
        if (number < 0) {
            throw SfnErrors.validation("1 validation error detected: Value '" + number
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (number > 1000) {
            throw SfnErrors.validation("1 validation error detected: Value '" + number
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
        }
        return number == 0 ? defaultValue : (int) number;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, E defaultValue) {
        String value = optional(field);
        if (value == null) return defaultValue;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) return constant;
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
        throw SfnErrors.validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: Member must satisfy enum value set: [" + allowed + "]");
    }

    /** A state machine or execution name: 1 to 80 characters, none of those AWS forbids. */
    static String checkName(String field, String name) {
        if (name.isEmpty()) {
            throw SfnErrors.validation("1 validation error detected: Value '' at '" + field
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        checkLength(field, name, 80);
        if (INVALID_NAME_CHARACTERS.matcher(name).find()) throw SfnErrors.invalidName(name);
        return name;
    }

    private static void checkLength(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
            throw SfnErrors.validation("1 validation error detected: Value '" + shown + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + maxLength);
        }
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
