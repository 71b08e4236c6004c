package dev.awstestharness.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Small helpers for reading rendered templates in tests. */
final class TemplateTests {
    private TemplateTests() {}

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A YAML snippet (short forms allowed) as a tree, for expected values. */
    static JsonNode yaml(String text) {
        return Templates.readTemplate(text, "expected.yaml");
    }

    /** Every node of the tree, depth first. */
    static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        visitor.accept(node);
        if (node.isContainerNode()) node.forEach(child -> walk(child, visitor));
    }

    /** Every IAM statement in the template's roles: {role logical id → statements}. */
    static java.util.Map<String, List<JsonNode>> roleStatements(JsonNode template) {
        java.util.Map<String, List<JsonNode>> statements = new java.util.LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (!entry.getValue().path("Type").asText().equals("AWS::IAM::Role")) return;
            List<JsonNode> list = new ArrayList<>();
            entry.getValue().path("Properties").path("Policies").forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(list::add));
            statements.put(entry.getKey(), list);
        });
        return statements;
    }
}
