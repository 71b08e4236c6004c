package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an item that a ProjectionExpression (or a list of updated paths) selects: nested paths keep their
 * enclosing maps, and selected list elements keep their order (without gaps), as DynamoDB returns them.
 */
public final class Projection {
    private final List<Path> paths;

    public Projection(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    public List<Path> paths() {
        return paths;
    }

    public ObjectNode apply(JsonNode item) {
        Node root = new Node();
        for (Path path : paths) {
            Node node = root;
            for (Object element : path.elements()) node = node.children.computeIfAbsent(element, key -> new Node());
            node.whole = true;
        }
        ObjectNode result = LocalJson.object();
        for (Map.Entry<Object, Node> entry : root.children.entrySet()) {
            JsonNode value = item.get((String) entry.getKey());
            JsonNode selected = value == null ? null : select(value, entry.getValue());
            if (selected != null) result.set((String) entry.getKey(), selected);
        }
        return result;
    }

    private static final class Node {
        final Map<Object, Node> children = new TreeMap<>((a, b) -> {
            if (a instanceof Integer x && b instanceof Integer y) return Integer.compare(x, y);
            if (a instanceof Integer) return -1;
            if (b instanceof Integer) return 1;
            return ((String) a).compareTo((String) b);
        });
        boolean whole;
    }

    private static JsonNode select(JsonNode value, Node node) {
        if (node.whole) return value;
        List<Map.Entry<Object, Node>> names = new ArrayList<>();
        List<Map.Entry<Object, Node>> indexes = new ArrayList<>();
        node.children.entrySet().forEach(entry -> (entry.getKey() instanceof Integer ? indexes : names).add(entry));
        if (!names.isEmpty() && value.has("M")) {
            ObjectNode map = LocalJson.object();
            ObjectNode content = map.putObject("M");
            for (Map.Entry<Object, Node> entry : names) {
                JsonNode child = value.get("M").get((String) entry.getKey());
                JsonNode selected = child == null ? null : select(child, entry.getValue());
                if (selected != null) content.set((String) entry.getKey(), selected);
            }
            return content.isEmpty() ? null : map;
        }
        if (!indexes.isEmpty() && value.has("L")) {
            ObjectNode list = LocalJson.object();
            ArrayNode content = list.putArray("L");
            for (Map.Entry<Object, Node> entry : indexes) {
                int index = (Integer) entry.getKey();
                if (index >= value.get("L").size()) continue;
                JsonNode selected = select(value.get("L").get(index), entry.getValue());
                if (selected != null) content.add(selected);
            }
            return content.isEmpty() ? null : list;
        }
        return null;
    }
}
