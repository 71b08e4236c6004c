package dev.awstestharness.harness.internal.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML as CloudFormation does: the short-form tags become their long form ({@code !Ref X} is
 * {@code {"Ref": "X"}}, {@code !GetAtt A.B} is {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} is
 * {@code {"Fn::Sub": s}}, ...), and timestamps stay strings. The composed node graph is turned into Jackson nodes
 * directly, so that each error can name its line.
 */
public final class CfnYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The short-form functions: {@code !Name} is {@code Fn::Name}. */
    private static final Set<String> FUNCTIONS = Set.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If",
            "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform", "ForEach");

    private CfnYaml() {}

    /**
     * Parses one YAML document.
     *
     * @param source names the file in error messages
     * @throws TemplateException naming the file, line and column of the problem
     */
    public static JsonNode parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setCodePointLimit(64 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new TemplateException(source + at(e.getProblemMark()) + ": not valid YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : ""), e);
        } catch (YAMLException e) {
            throw new TemplateException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) return NODES.nullNode();
        return new Converter(source).convert(root);
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static final class Converter {
        private final String source;
        private final Map<Node, Boolean> visiting = new IdentityHashMap<>();

        Converter(String source) {
            this.source = source;
        }

        JsonNode convert(Node node) {
            if (visiting.put(node, Boolean.TRUE) != null) throw error(node, "a recursive alias cannot be represented as JSON");
            try {
                Tag tag = node.getTag();
                String name = tag.getValue();
                if (name.startsWith("!") && !name.startsWith("!!")) {
                    return intrinsic(node, name.substring(1));
                }
                return plain(node, tag);
            } finally {
                visiting.remove(node);
            }
        }

        private JsonNode intrinsic(Node node, String function) {
            if (function.equals("Ref")) {
                if (!(node instanceof ScalarNode scalar)) throw error(node, "!Ref takes the name of a parameter or resource");
                return NODES.objectNode().put("Ref", scalar.getValue());
            }
            if (function.equals("Condition")) {
                if (!(node instanceof ScalarNode scalar)) throw error(node, "!Condition takes the name of a condition");
                return NODES.objectNode().put("Condition", scalar.getValue());
            }
            if (!FUNCTIONS.contains(function)) {
                throw error(node, "unknown tag !" + function + "; CloudFormation's short forms are !Ref, !Condition and !"
                        + String.join(", !", FUNCTIONS.stream().sorted().toList()));
            }
            JsonNode argument;
            if (function.equals("GetAtt") && node instanceof ScalarNode scalar) {
                String value = scalar.getValue();
                int dot = value.indexOf('.');
                if (dot <= 0 || dot == value.length() - 1) {
                    throw error(node, "!GetAtt takes LogicalId.Attribute but was '" + value + "'");
                }
                argument = NODES.arrayNode().add(value.substring(0, dot)).add(value.substring(dot + 1));
            } else if (node instanceof ScalarNode scalar) {
                argument = NODES.textNode(scalar.getValue());
            } else {
                argument = plain(node, node instanceof SequenceNode ? Tag.SEQ : Tag.MAP);
            }
            ObjectNode result = NODES.objectNode();
            result.set("Fn::" + function, argument);
            return result;
        }

        private JsonNode plain(Node node, Tag tag) {
            if (node instanceof MappingNode mapping) {
                ObjectNode object = NODES.objectNode();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    if (keyNode instanceof ScalarNode key && key.getTag().equals(Tag.MERGE)) {
                        merge(object, tuple.getValueNode());
                        continue;
                    }
                    if (!(keyNode instanceof ScalarNode key)) throw error(keyNode, "a mapping key must be a scalar");
                    if (object.has(key.getValue())) throw error(keyNode, "duplicate key " + key.getValue());
                    object.set(key.getValue(), convert(tuple.getValueNode()));
                }
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                for (Node item : sequence.getValue()) array.add(convert(item));
                return array;
            }
            return scalar((ScalarNode) node, tag);
        }

        private void merge(ObjectNode into, Node value) {
            List<Node> sources = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            for (Node source : sources) {
                JsonNode merged = convert(source);
                if (!merged.isObject()) throw error(source, "a merge key (<<) takes a mapping or a list of mappings");
                merged.properties().forEach(field -> {
                    if (!into.has(field.getKey())) into.set(field.getKey(), field.getValue());
                });
            }
        }

        private JsonNode scalar(ScalarNode node, Tag tag) {
            String value = node.getValue();
            if (tag.equals(Tag.NULL)) return NODES.nullNode();
            if (tag.equals(Tag.BOOL)) {
                return NODES.booleanNode(Set.of("true", "yes", "on", "y").contains(value.toLowerCase(Locale.ROOT)));
            }
            if (tag.equals(Tag.INT)) {
                JsonNode number = integer(value);
                return number != null ? number : NODES.textNode(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                try {
                    BigDecimal decimal = new BigDecimal(value.replace("_", ""));
                    double asDouble = decimal.doubleValue();
                    return new BigDecimal(Double.toString(asDouble)).compareTo(decimal) == 0 ? NODES.numberNode(asDouble) : NODES.numberNode(decimal);
                } catch (NumberFormatException e) {
                    return NODES.textNode(value); // .inf, .nan: JSON has no such numbers
                }
            }
            return NODES.textNode(value); // str, timestamps (kept as written), binary (base64 text)
        }

        private static JsonNode integer(String text) {
            String value = text.replace("_", "");
            int sign = 1;
            if (value.startsWith("-") || value.startsWith("+")) {
                if (value.startsWith("-")) sign = -1;
                value = value.substring(1);
            }
            BigInteger number;
            try {
                if (value.startsWith("0x")) number = new BigInteger(value.substring(2), 16);
                else if (value.startsWith("0b")) number = new BigInteger(value.substring(2), 2);
                else if (value.startsWith("0o")) number = new BigInteger(value.substring(2), 8);
                else if (value.length() > 1 && value.startsWith("0")) number = new BigInteger(value.substring(1), 8);
                else if (value.contains(":")) return null; // sexagesimal: kept as text
                else number = new BigInteger(value);
            } catch (NumberFormatException e) {
                return null;
            }
            if (sign < 0) number = number.negate();
            if (number.bitLength() < 32) return NODES.numberNode(number.intValue());
            if (number.bitLength() < 64) return NODES.numberNode(number.longValue());
            return NODES.numberNode(number);
        }

        private TemplateException error(Node node, String message) {
            return new TemplateException(source + at(node.getStartMark()) + ": " + message);
        }
    }
}
