package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;

/** CloudFormation's intrinsic functions and pseudo parameters as Jackson nodes (long form). */
public final class Cfn {
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String PARTITION = "AWS::Partition";
    public static final String REGION = "AWS::Region";
    public static final String ACCOUNT_ID = "AWS::AccountId";
    public static final String STACK_NAME = "AWS::StackName";
    public static final String URL_SUFFIX = "AWS::URLSuffix";
    public static final String NO_VALUE = "AWS::NoValue";

    private Cfn() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array(Object... items) {
        ArrayNode array = NODES.arrayNode();
        for (Object item : items) array.add(node(item));
        return array;
    }

    public static ArrayNode array(List<?> items) {
        return array(items.toArray());
    }

    /** A string, number, boolean or node as a node. */
    public static JsonNode node(Object value) {
        if (value instanceof JsonNode node) return node.deepCopy();
        if (value instanceof String text) return TextNode.valueOf(text);
        if (value instanceof Integer number) return NODES.numberNode(number);
        if (value instanceof Long number) return NODES.numberNode(number);
        if (value instanceof Boolean bool) return NODES.booleanNode(bool);
        throw new IllegalArgumentException("Not a template value: " + value);
    }

    public static ObjectNode ref(String name) {
        return object().put("Ref", name);
    }

    public static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode node = object();
        node.set("Fn::GetAtt", array(logicalId, attribute));
        return node;
    }

    public static ObjectNode sub(String text) {
        return object().put("Fn::Sub", text);
    }

    /** {@code Fn::Sub} with variables: {@code [text, {name: value}]}. */
    public static ObjectNode sub(String text, Map<String, ?> variables) {
        ObjectNode values = object();
        variables.forEach((name, value) -> values.set(name, node(value)));
        ObjectNode node = object();
        node.set("Fn::Sub", array(text, values));
        return node;
    }

    public static ObjectNode join(String delimiter, Object list) {
        ObjectNode node = object();
        node.set("Fn::Join", array(delimiter, list instanceof List<?> items ? array(items) : node(list)));
        return node;
    }

    public static ObjectNode select(int index, Object list) {
        ObjectNode node = object();
        node.set("Fn::Select", array(index, list));
        return node;
    }

    public static ObjectNode split(String delimiter, Object text) {
        ObjectNode node = object();
        node.set("Fn::Split", array(delimiter, text));
        return node;
    }

    public static ObjectNode ifThen(String condition, Object whenTrue, Object whenFalse) {
        ObjectNode node = object();
        node.set("Fn::If", array(condition, whenTrue, whenFalse));
        return node;
    }

    public static ObjectNode equalsTo(Object left, Object right) {
        ObjectNode node = object();
        node.set("Fn::Equals", array(left, right));
        return node;
    }

    public static ObjectNode not(Object condition) {
        ObjectNode node = object();
        node.set("Fn::Not", array(condition));
        return node;
    }

    public static ObjectNode and(Object... conditions) {
        ObjectNode node = object();
        node.set("Fn::And", array(conditions));
        return node;
    }

    public static ObjectNode or(Object... conditions) {
        ObjectNode node = object();
        node.set("Fn::Or", array(conditions));
        return node;
    }

    public static ObjectNode condition(String name) {
        return object().put("Condition", name);
    }

    public static ObjectNode noValue() {
        return ref(NO_VALUE);
    }

    /** {@code {Key: key, Value: value}}, as tags and key-value lists are written. */
    public static ObjectNode keyValue(String keyName, String key, String valueName, Object value) {
        ObjectNode node = object().put(keyName, key);
        node.set(valueName, node(value));
        return node;
    }
}
