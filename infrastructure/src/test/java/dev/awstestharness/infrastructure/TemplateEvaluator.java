package dev.awstestharness.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a rendered template's conditions and intrinsic functions for given parameter values, as CloudFormation
 * would: {@code Ref} of a parameter is its value (a list for list types), of a resource {@code <Ref LogicalId>},
 * {@code Fn::GetAtt} is {@code <LogicalId.Attribute>}; {@code Fn::If}, {@code Fn::Equals}, {@code Fn::And},
 * {@code Fn::Not}, {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Select}, {@code Fn::Sub} are computed. Lets tests
 * pin down what a deployment would see without deploying.
 */
final class TemplateEvaluator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final JsonNode template;
    private final Map<String, JsonNode> parameters = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();

    TemplateEvaluator(JsonNode template, Map<String, String> values) {
        this.template = template;
        template.path("Parameters").properties().forEach(entry -> {
            String value = values.getOrDefault(entry.getKey(), entry.getValue().path("Default").asText(null));
            if (value == null) return;
            String type = entry.getValue().path("Type").asText();
            if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                ArrayNode list = NODES.arrayNode();
                for (String item : value.split(",", -1)) list.add(item);
                parameters.put(entry.getKey(), list);
            } else {
                parameters.put(entry.getKey(), TextNode.valueOf(value));
            }
        });
        for (String name : TemplateTests.names(template.path("Conditions"))) condition(name);
    }

    boolean condition(String name) {
        Boolean value = conditions.get(name);
        if (value == null) {
            JsonNode expression = template.path("Conditions").get(name);
            if (expression == null) throw new IllegalArgumentException("No condition " + name);
            value = evaluate(expression).asBoolean();
            conditions.put(name, value);
        }
        return value;
    }

    /** Whether the resource exists for these values. */
    boolean exists(String logicalId) {
        JsonNode condition = template.path("Resources").path(logicalId).get("Condition");
        return template.path("Resources").has(logicalId) && (condition == null || condition(condition.asText()));
    }

    /** The output's value, or null when its condition is false. */
    JsonNode output(String name) {
        JsonNode output = template.path("Outputs").path(name);
        if (output.has("Condition") && !condition(output.get("Condition").asText())) return null;
        return evaluate(output.path("Value"));
    }

    JsonNode evaluate(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(evaluate(item)));
            return array;
        }
        if (!node.isObject()) return node;
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            switch (key) {
                case "Ref" -> {
                    JsonNode value = parameters.get(argument.asText());
                    return value != null ? value : TextNode.valueOf("<Ref " + argument.asText() + ">");
                }
                case "Fn::GetAtt" -> {
                    return TextNode.valueOf("<" + argument.get(0).asText() + "." + argument.get(1).asText() + ">");
                }
                case "Fn::If" -> {
                    return evaluate(condition(argument.get(0).asText()) ? argument.get(1) : argument.get(2));
                }
                case "Fn::Equals" -> {
                    return NODES.booleanNode(text(evaluate(argument.get(0))).equals(text(evaluate(argument.get(1)))));
                }
                case "Fn::And" -> {
                    boolean all = true;
                    for (JsonNode item : argument) all &= evaluate(item).asBoolean();
                    return NODES.booleanNode(all);
                }
                case "Fn::Or" -> {
                    boolean any = false;
                    for (JsonNode item : argument) any |= evaluate(item).asBoolean();
                    return NODES.booleanNode(any);
                }
                case "Fn::Not" -> {
                    return NODES.booleanNode(!evaluate(argument.get(0)).asBoolean());
                }
                case "Condition" -> {
                    return NODES.booleanNode(condition(argument.asText()));
                }
                case "Fn::Join" -> {
                    List<String> parts = new ArrayList<>();
                    evaluate(argument.get(1)).forEach(item -> parts.add(text(item)));
                    return TextNode.valueOf(String.join(argument.get(0).asText(), parts));
                }
                case "Fn::Split" -> {
                    ArrayNode parts = NODES.arrayNode();
                    for (String part : text(evaluate(argument.get(1))).split(Pattern.quote(argument.get(0).asText()), -1)) parts.add(part);
                    return parts;
                }
                case "Fn::Select" -> {
                    return evaluate(argument.get(1)).get(argument.get(0).asInt());
                }
                case "Fn::Sub" -> {
                    String text = argument.isArray() ? argument.get(0).asText() : argument.asText();
                    JsonNode variables = argument.isArray() ? argument.get(1) : NODES.objectNode();
                    Matcher matcher = PLACEHOLDER.matcher(text);
                    StringBuilder result = new StringBuilder();
                    while (matcher.find()) {
                        String name = matcher.group(1);
                        String value;
                        if (variables.has(name)) value = text(evaluate(variables.get(name)));
                        else if (name.contains(".") && !name.startsWith("AWS::")) value = "<" + name + ">";
                        else value = text(evaluate(NODES.objectNode().put("Ref", name)));
                        matcher.appendReplacement(result, Matcher.quoteReplacement(value));
                    }
                    matcher.appendTail(result);
                    return TextNode.valueOf(result.toString());
                }
                default -> {
                    // not an intrinsic function: fall through to the mapping
                }
            }
        }
        ObjectNode object = NODES.objectNode();
        node.properties().forEach(entry -> object.set(entry.getKey(), evaluate(entry.getValue())));
        return object;
    }

    private static String text(JsonNode node) {
        return node.isArray() ? node.toString() : node.asText();
    }
}
