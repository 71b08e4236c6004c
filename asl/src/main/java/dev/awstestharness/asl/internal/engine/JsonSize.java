package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Measures the UTF-8 size of a value's compact JSON, stopping as soon as a limit is passed. */
final class JsonSize {
    private JsonSize() {}

    static boolean exceeds(JsonNode node, long limit) {
        // cheap upper bound first (no per-character scan, no number formatting); exact only when the bound is over
        if (bound(node, limit) <= limit) return false;
        return size(node, limit) > limit;
    }

    /** An upper bound of the size: a string takes at most 6 bytes per char (\\u escapes) plus its quotes. */
    private static long bound(JsonNode node, long budget) {
        if (node.isObject()) {
            long total = 2;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && total <= budget; ) {
                Map.Entry<String, JsonNode> field = it.next();
                total += 6L * field.getKey().length() + 4 + bound(field.getValue(), budget - total);
            }
            return total;
        }
        if (node.isArray()) {
            long total = 2;
            for (int i = 0; i < node.size() && total <= budget; i++) total += bound(node.get(i), budget - total) + 1;
            return total;
        }
        if (node.isTextual()) return 6L * node.textValue().length() + 2;
        if (node.isInt() || node.isShort()) return 11;
        if (node.isLong()) return 20;
        if (node.isBoolean() || node.isNull()) return 5;
        return size(node, budget);
    }

    private static long size(JsonNode node, long budget) {
        switch (node.getNodeType()) {
            case OBJECT: {
                long total = 2;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && total <= budget; ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    total += text(field.getKey()) + 1 + size(field.getValue(), budget - total) + 1;
                }
                return total;
            }
            case ARRAY: {
                long total = 2;
                for (int i = 0; i < node.size() && total <= budget; i++) total += size(node.get(i), budget - total) + 1;
                return total;
            }
            case STRING:
                return text(node.textValue());
            case NULL:
                return 4;
            case BOOLEAN:
                return node.booleanValue() ? 4 : 5;
            default:
                return node.asText().length();
        }
    }

    private static long text(String value) {
        long bytes = 2;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) bytes += (c == '"' || c == '\\' || c < 0x20) ? 2 : 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }
}
