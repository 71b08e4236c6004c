package dev.awstestharness.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON equality as the workloads' {@code expected} means it: objects equal by their members (in any order), arrays
 * element by element, numbers by value ({@code 2}, {@code 2.0} and {@code 2e0} are equal, whatever Java type holds them).
 */
final class JsonEquality {
    private JsonEquality() {}

    static boolean same(JsonNode a, JsonNode b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        if (a.getNodeType() != b.getNodeType()) return false;
        if (a.isObject()) {
            if (a.size() != b.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!same(field.getValue(), b.get(field.getKey()))) return false;
            }
            return true;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) return false;
            }
            return true;
        }
        return a.equals(b);
    }
}
