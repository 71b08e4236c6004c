package dev.awstestharness.asl.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.awstestharness.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled JSONPath as the States language uses it: rooted at the state input ({@code $...}), at the context object
 * ({@code $$...}) or at a variable ({@code $name...}). Evaluation uses Jayway JsonPath, the library whose messages AWS
 * reports ("No results for path: $['x']"). An indefinite path (wildcard, slice, filter) that selects nothing yields an
 * empty array, as on AWS.
 */
public final class JsonPathExpression {
    enum Root {
        INPUT,
        CONTEXT,
        VARIABLE
    }

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private final String source;
    private final Root root;
    private final String variableName;
    private final JsonPath compiled;
    /** Segments (String field names, Integer indexes) when the path is a plain chain of them; else null. */
    private final Object[] simple;

    private JsonPathExpression(String source, Root root, String variableName, JsonPath compiled, Object[] simple) {
        this.source = source;
        this.root = root;
        this.variableName = variableName;
        this.compiled = compiled;
        this.simple = simple;
    }

    /** $, $.a.b, $['a b'][0]: names and non-negative indexes only; anything else is left to Jayway. */
    static Object[] simpleSegments(String rooted) {
        List<Object> segments = new ArrayList<>();
        int n = rooted.length();
        if (n == 0 || rooted.charAt(0) != '$') return null;
        int i = 1;
        while (i < n) {
            char c = rooted.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && (Character.isLetterOrDigit(rooted.charAt(i)) || rooted.charAt(i) == '_')) i++;
                if (i == start) return null;
                segments.add(rooted.substring(start, i));
            } else if (c == '[') {
                int close = rooted.indexOf(']', i);
                if (close < 0) return null;
                String inner = rooted.substring(i + 1, close);
                if (inner.length() >= 2 && inner.charAt(0) == '\'' && inner.charAt(inner.length() - 1) == '\''
                        && inner.indexOf('\'', 1) == inner.length() - 1 && inner.indexOf('\\') < 0) {
                    segments.add(inner.substring(1, inner.length() - 1));
                } else if (!inner.isEmpty() && inner.length() < 10 && inner.chars().allMatch(Character::isDigit)) {
                    segments.add(Integer.valueOf(inner));
                } else {
                    return null;
                }
                i = close + 1;
            } else {
                return null;
            }
        }
        return segments.toArray();
    }

    /**
     * Compiles a path. Throws {@link IllegalArgumentException} with the reason when the text is not a valid path.
     */
    public static JsonPathExpression compile(String source) {
        if (source == null || !source.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$'");
        }
        Root root;
        String variableName = null;
        String rooted;
        if (source.startsWith("$$")) {
            root = Root.CONTEXT;
            rooted = source.substring(1);
        } else if (source.length() > 1 && isVariableStart(source.charAt(1))) {
            root = Root.VARIABLE;
            int end = 1;
            while (end < source.length() && isVariablePart(source.charAt(end))) end++;
            variableName = source.substring(1, end);
            rooted = "$" + source.substring(end);
        } else {
            root = Root.INPUT;
            rooted = source;
        }
        try {
            return new JsonPathExpression(source, root, variableName, JsonPath.compile(rooted), simpleSegments(rooted));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static boolean isVariableStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isVariablePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    public String source() {
        return source;
    }

    public boolean readsContext() {
        return root == Root.CONTEXT;
    }

    public boolean readsVariable() {
        return root == Root.VARIABLE;
    }

    public String variableName() {
        return variableName;
    }

    public boolean isDefinite() {
        return compiled.isDefinite();
    }

    /** Reads the selected value; throws {@link PathNotFoundException} when a definite path selects nothing. */
    public JsonNode read(DataScope scope) {
        JsonNode document = switch (root) {
            case INPUT -> scope.input();
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variable(variableName);
        };
        if (document == null) {
            throw new PathNotFoundException(source, "No results for path: $['" + variableName + "']");
        }
        return read(document);
    }

    /** Reads the selected value from one document. */
    public JsonNode read(JsonNode document) {
        if (simple != null) {
            JsonNode node = document;
            for (Object segment : simple) {
                if (node == null) break;
                node = segment instanceof String name ? (node.isObject() ? node.get(name) : null)
                        : (node.isArray() ? node.get((Integer) segment) : null);
            }
            // Found and not null: the same node Jayway would return. Misses and nulls go to Jayway for its messages.
            if (node != null && !node.isNull()) return node;
        }
        try {
            Object value = compiled.read(document, CONFIGURATION);
            if (value instanceof JsonNode node) return node;
            if (value instanceof String text) return Json.NODES.textNode(text);
            if (value instanceof Integer number) return Json.NODES.numberNode(number);
            if (value instanceof Long number) return Json.NODES.numberNode(number);
            if (value instanceof Double number) return Json.NODES.numberNode(number);
            if (value instanceof Boolean bool) return Json.NODES.booleanNode(bool);
            return Json.MAPPER.valueToTree(value);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            if (!compiled.isDefinite()) return Json.NODES.arrayNode();
            throw new PathNotFoundException(source, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
