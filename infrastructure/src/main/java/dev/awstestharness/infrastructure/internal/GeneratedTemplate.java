package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the transform generates for one declaration: parameters, conditions, resources and outputs, each with a
 * description of what it is for (used in conflict messages).
 */
public final class GeneratedTemplate {
    private final ObjectNode parameters = Cfn.object();
    private final ObjectNode conditions = Cfn.object();
    private final ObjectNode resources = Cfn.object();
    private final ObjectNode outputs = Cfn.object();
    private final Map<String, String> purposes = new LinkedHashMap<>();

    public ObjectNode parameters() {
        return parameters;
    }

    public ObjectNode conditions() {
        return conditions;
    }

    public ObjectNode resources() {
        return resources;
    }

    public ObjectNode outputs() {
        return outputs;
    }

    /** What a generated name (parameter, condition, resource or output) is for, e.g. "the Lambda function double 'First'". */
    public String purpose(String name) {
        return purposes.getOrDefault(name, "the test doubles");
    }

    public Map<String, String> purposes() {
        return Collections.unmodifiableMap(purposes);
    }

    /** Adds a parameter of {@code type} with a default and a description. */
    public ObjectNode parameter(String name, String type, String defaultValue, String description) {
        ObjectNode parameter = Cfn.object().put("Type", type).put("Default", defaultValue).put("Description", description);
        put(parameters, name, parameter, "a parameter of " + description);
        return parameter;
    }

    public void condition(String name, JsonNode expression, String purpose) {
        put(conditions, name, expression, purpose);
    }

    /** Adds a resource and returns its {@code Properties}. */
    public ObjectNode resource(String logicalId, String type, String purpose) {
        ObjectNode resource = Cfn.object().put("Type", type);
        put(resources, logicalId, resource, purpose);
        return resource.putObject("Properties");
    }

    /** The resource node (to add {@code Condition}, {@code Metadata}, ...). */
    public ObjectNode resourceNode(String logicalId) {
        return (ObjectNode) resources.get(logicalId);
    }

    public void output(String name, String description, JsonNode value, String condition) {
        ObjectNode output = Cfn.object().put("Description", description);
        output.set("Value", value);
        if (condition != null) output.put("Condition", condition);
        put(outputs, name, output, "the output " + description);
    }

    private void put(ObjectNode section, String name, JsonNode value, String purpose) {
        if (section.has(name)) throw new IllegalStateException("Generated '" + name + "' twice");
        section.set(name, value);
        purposes.put(name, purpose);
    }
}
