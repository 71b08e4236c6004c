package dev.awstestharness.asl.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference path ({@code ResultPath}): a path that names exactly one node, written with dots, bracketed names and
 * array indexes ({@code $.a.b}, {@code $['a b'][0]}). {@link #set} places a value there and returns a new document; the
 * input document is not changed and unchanged branches are shared.
 */
public final class ReferencePath {
    private sealed interface Segment permits Field, Index {}

    private record Field(String name) implements Segment {}

    private record Index(int index) implements Segment {}

    /** Raised when the document's shape does not allow the value to be placed. */
    public static final class MismatchException extends RuntimeException {
        MismatchException(String message) {
            super(message, null, false, false);
        }
    }

    private final String source;
    private final List<Segment> segments;

    private ReferencePath(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
    }

    public String source() {
        return source;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** Parses a reference path; throws {@link IllegalArgumentException} naming the problem. */
    public static ReferencePath parse(String source) {
        if (source == null || !source.startsWith("$")) {
            throw new IllegalArgumentException("a reference path must start with '$'");
        }
        if (source.startsWith("$$")) {
            throw new IllegalArgumentException("a reference path cannot refer to the context object");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && source.charAt(i) != '.' && source.charAt(i) != '[') i++;
                String name = source.substring(start, i);
                if (name.isEmpty() || name.equals("*")) {
                    throw new IllegalArgumentException("'" + source + "' does not name a single node");
                }
                segments.add(new Field(name));
            } else if (c == '[') {
                int close = source.indexOf(']', i);
                if (close < 0) throw new IllegalArgumentException("unclosed '[' in '" + source + "'");
                String inner = source.substring(i + 1, close).trim();
                if (inner.length() >= 2
                        && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    segments.add(new Field(inner.substring(1, inner.length() - 1)));
                } else if (inner.matches("\\d+")) {
                    segments.add(new Index(Integer.parseInt(inner)));
                } else {
                    throw new IllegalArgumentException("'" + source + "' does not name a single node");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in '" + source + "'");
            }
        }
        return new ReferencePath(source, List.copyOf(segments));
    }

    /** Returns a copy of {@code document} with {@code value} at this path, creating missing objects on the way. */
    public JsonNode set(JsonNode document, JsonNode value) {
        return set(document, 0, value);
    }

    private JsonNode set(JsonNode node, int depth, JsonNode value) {
        if (depth == segments.size()) return value;
        Segment segment = segments.get(depth);
        if (segment instanceof Field field) {
            ObjectNode copy;
            if (node == null || node.isMissingNode()) {
                copy = Json.object();
            } else if (node.isObject()) {
                copy = Json.object();
                copy.setAll((ObjectNode) node);
            } else {
                throw new MismatchException("Unable to apply ReferencePath " + source + " to input " + Json.abbreviate(node));
            }
            copy.set(field.name(), set(copy.get(field.name()), depth + 1, value));
            return copy;
        }
        int index = ((Index) segment).index();
        if (node == null || !node.isArray() || index >= node.size()) {
            throw new MismatchException("Unable to apply ReferencePath " + source + " to input "
                    + (node == null ? "undefined" : Json.abbreviate(node)));
        }
        ArrayNode copy = Json.NODES.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(index, set(node.get(index), depth + 1, value));
        return copy;
    }

    @Override
    public String toString() {
        return source;
    }
}
