package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.contract.GeneratedResources;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a template's references to {@link GeneratedResources#ECS_CLUSTER} work whether the cluster is created or an
 * existing one is given ({@link GeneratedResources#ECS_CLUSTER_ARN_PARAMETER}): {@code Ref} becomes the cluster's
 * name, {@code Fn::GetAtt ... Arn} its ARN, both as {@code Fn::If} on the create condition; in {@code Fn::Sub}
 * strings, {@code ${AWSTestHarnessECSCluster}} and {@code ${AWSTestHarnessECSCluster.Arn}} become variables with those
 * values; {@code DependsOn} entries on the cluster are dropped (the references carry the dependency).
 */
final class ClusterReferences {
    private static final String CLUSTER = GeneratedResources.ECS_CLUSTER;
    private static final String NAME_PLACEHOLDER = "${" + CLUSTER + "}";
    private static final String ARN_PLACEHOLDER = "${" + CLUSTER + ".Arn}";
    private static final String ARN_VARIABLE = CLUSTER + "Arn";

    private ClusterReferences() {}

    /** Rewrites the references in the {@code Resources} and {@code Outputs} of {@code template}, in place. */
    static void rewrite(ObjectNode template) {
        for (String section : List.of("Resources", "Outputs")) {
            JsonNode entries = template.get(section);
            if (!(entries instanceof ObjectNode object)) continue;
            for (String name : names(object)) {
                JsonNode entry = object.get(name);
                if (entry instanceof ObjectNode resource && resource.has("DependsOn")) dropDependency(resource);
                object.set(name, rewrite(entry));
            }
        }
    }

    private static JsonNode rewrite(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, rewrite(array.get(i)));
            return array;
        }
        if (!(node instanceof ObjectNode object)) return node;
        if (object.size() == 1) {
            JsonNode ref = object.get("Ref");
            if (ref != null && ref.isTextual() && ref.asText().equals(CLUSTER)) return EcsDoubles.clusterName();
            JsonNode getAtt = object.get("Fn::GetAtt");
            if (getAtt != null && isClusterArn(getAtt)) return EcsDoubles.clusterArn();
            JsonNode sub = object.get("Fn::Sub");
            if (sub != null) return sub(object, sub);
        }
        for (String name : names(object)) object.set(name, rewrite(object.get(name)));
        return object;
    }

    private static boolean isClusterArn(JsonNode getAtt) {
        if (getAtt.isTextual()) return getAtt.asText().equals(CLUSTER + ".Arn");
        return getAtt.isArray() && getAtt.size() == 2 && getAtt.get(0).asText().equals(CLUSTER) && getAtt.get(1).asText().equals("Arn");
    }

    private static JsonNode sub(ObjectNode function, JsonNode argument) {
        JsonNode text = argument.isArray() ? argument.get(0) : argument;
        ObjectNode variables = argument.isArray() && argument.size() > 1 && argument.get(1).isObject() ? (ObjectNode) argument.get(1) : Cfn.object();
        if (argument.isArray()) for (String name : names(variables)) variables.set(name, rewrite(variables.get(name)));
        if (text == null || !text.isTextual()) return function;
        String string = text.asText();
        boolean name = string.contains(NAME_PLACEHOLDER) && !variables.has(CLUSTER);
        boolean arn = string.contains(ARN_PLACEHOLDER) && !variables.has(ARN_VARIABLE);
        if (!name && !arn) return function;
        if (name) variables.set(CLUSTER, EcsDoubles.clusterName());
        if (arn) {
            string = string.replace(ARN_PLACEHOLDER, "${" + ARN_VARIABLE + "}");
            variables.set(ARN_VARIABLE, EcsDoubles.clusterArn());
        }
        ObjectNode result = Cfn.object();
        result.set("Fn::Sub", Cfn.array(TextNode.valueOf(string), variables));
        return result;
    }

    private static void dropDependency(ObjectNode resource) {
        JsonNode dependsOn = resource.get("DependsOn");
        if (dependsOn.isTextual() && dependsOn.asText().equals(CLUSTER)) {
            resource.remove("DependsOn");
        } else if (dependsOn instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) if (array.get(i).asText().equals(CLUSTER)) array.remove(i);
            if (array.isEmpty()) resource.remove("DependsOn");
        }
    }

    private static List<String> names(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
