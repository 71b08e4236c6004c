package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow variables of one scope: the top level of an execution, one Parallel branch or one Map iteration. A
 * scope reads its own variables and those of the enclosing scopes; assignments go to the scope itself.
 */
final class Variables {
    private final Variables parent;
    private final Map<String, JsonNode> values = new HashMap<>();

    Variables(Variables parent) {
        this.parent = parent;
    }

    Variables child() {
        return new Variables(this);
    }

    JsonNode get(String name) {
        for (Variables scope = this; scope != null; scope = scope.parent) {
            JsonNode value = scope.read(name);
            if (value != null) return value;
        }
        return null;
    }

    private synchronized JsonNode read(String name) {
        return values.get(name);
    }

    /** Every variable in scope, inner values hiding outer ones. */
    Map<String, JsonNode> visible() {
        Map<String, JsonNode> all = parent == null ? new LinkedHashMap<>() : parent.visible();
        synchronized (this) {
            all.putAll(values);
        }
        return all;
    }

    /** Sets every field of {@code assignments} as a variable, all at once. */
    synchronized void assign(JsonNode assignments) {
        for (Iterator<Map.Entry<String, JsonNode>> it = assignments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), entry.getValue());
        }
    }

    synchronized boolean isEmpty() {
        return values.isEmpty() && (parent == null || parent.isEmpty());
    }
}
