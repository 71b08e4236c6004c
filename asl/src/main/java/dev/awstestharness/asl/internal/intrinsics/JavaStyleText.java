package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A value as AWS's Java runtime prints it: a string as is, an object as {@code {a=1, b=[x, y]}} (Java's
 * {@code Map.toString}, strings unquoted), an array as {@code [1, 2]}. AWS renders {@code States.Format} arguments
 * this way, and {@code States.ArrayContains} matches elements by this text (so {@code true} matches {@code "true"}).
 */
final class JavaStyleText {
    private JavaStyleText() {}

    static String of(JsonNode value) {
        if (value.isTextual()) return value.textValue();
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode value) {
        switch (value.getNodeType()) {
            case STRING -> out.append(value.textValue());
            case NUMBER -> out.append(value.numberValue());
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL, MISSING -> out.append("null");
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) out.append(", ");
                    append(out, value.get(i));
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    out.append(separator).append(field.getKey()).append('=');
                    append(out, field.getValue());
                    separator = ", ";
                }
                out.append('}');
            }
            default -> out.append(value.asText());
        }
    }
}
