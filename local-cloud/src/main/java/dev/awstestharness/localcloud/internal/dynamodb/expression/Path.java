package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A document path: attribute names and list indexes, e.g. {@code a.b[2].c}. Elements are Strings (names) or Integers (indexes). */
public record Path(List<Object> elements) {
    public Path {
        elements = List.copyOf(elements);
    }

    public static Path of(String attribute) {
        return new Path(List.of(attribute));
    }

    public String topLevel() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path in an item (a map of attribute names to values), or {@code null} when there is none. */
    public JsonNode resolve(JsonNode item) {
        JsonNode current = item.get(topLevel());
        for (int i = 1; i < elements.size() && current != null; i++) {
            Object element = elements.get(i);
            if (element instanceof String name) {
                JsonNode map = current.get("M");
                current = map == null ? null : map.get(name);
            } else {
                JsonNode list = current.get("L");
                int index = (Integer) element;
                current = list == null || index >= list.size() ? null : list.get(index);
            }
        }
        return current;
    }

    /** Whether this path is the other or lies inside it (or the reverse). */
    boolean overlaps(Path other) {
        int common = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    Path parent() {
        return new Path(elements.subList(0, elements.size() - 1));
    }

    Object last() {
        return elements.get(elements.size() - 1);
    }

    /** As DynamoDB lists a path in messages: {@code [a, b, [2]]}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Object element : elements) parts.add(element instanceof Integer index ? "[" + index + "]" : element.toString());
        return "[" + String.join(", ", parts) + "]";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object element : elements) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) text.append('.');
                text.append(element);
            }
        }
        return text.toString();
    }
}
