package dev.awstestharness.harness.internal.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code Ref} and {@code Fn::GetAtt} of one deployed resource give, as CloudFormation gives them.
 *
 * @param logicalId the resource's logical id
 * @param type its CloudFormation type
 * @param description what it is, for messages ("the Lambda function double First")
 * @param ref the value of {@code Ref}
 * @param attributes the values of {@code Fn::GetAtt} by attribute name
 */
public record ResourceValues(String logicalId, String type, String description, JsonNode ref, Map<String, JsonNode> attributes) {
    public ResourceValues {
        attributes = Map.copyOf(attributes);
    }

    /** A resource whose Ref and attributes are strings; {@code attributes} alternates names and values. */
    public static ResourceValues of(String logicalId, String type, String description, String ref, String... attributes) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) map.put(attributes[i], TextNode.valueOf(attributes[i + 1]));
        return new ResourceValues(logicalId, type, description, TextNode.valueOf(ref), map);
    }

    /** The value of {@code Ref} as a string. */
    public String refText() {
        return ref.asText();
    }

    /** An attribute as a string, or {@code null}. */
    public String attribute(String name) {
        JsonNode value = attributes.get(name);
        return value == null ? null : value.asText();
    }
}
