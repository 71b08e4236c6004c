package dev.awstestharness.asl.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.awstestharness.asl.internal.json.Json;

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

    private JsonPathExpression(String source, Root root, String variableName, JsonPath compiled) {
        this.source = source;
        this.root = root;
        this.variableName = variableName;
        this.compiled = compiled;
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
            return new JsonPathExpression(source, root, variableName, JsonPath.compile(rooted));
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
        try {
            Object value = compiled.read(document, CONFIGURATION);
            if (value instanceof JsonNode node) return node;
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
