package dev.awstestharness.asl.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the interpreter. Nodes handed between states are treated as immutable values: code
 * that needs a changed document builds a new node (sharing unchanged children) instead of mutating its input.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final YAMLMapper YAML = new YAMLMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null ? NODES.missingNode() : node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A short rendering of a value for error messages: its JSON, cut after 200 characters. */
    public static String abbreviate(JsonNode node) {
        String text = node == null || node.isMissingNode() ? "undefined" : write(node);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The JSON type name of a value as AWS's messages spell it. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) return "undefined";
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case MISSING -> "undefined";
        };
    }
}
