package dev.awstestharness.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Template text in and out. YAML is read as CloudFormation reads it: a short-form tag becomes its long form
 * ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s}
 * is {@code {"Fn::Sub": s}}, {@code !Condition C} is {@code {"Condition": "C"}}), timestamps stay strings. YAML is
 * written in the long form, strings quoted where YAML would read them as something else.
 */
final class TemplateText {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FUNCTIONS = Set.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If",
            "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform", "ForEach");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new CloudFormationQuoting())
            .build());

    /** Also quotes strings that YAML 1.1 would read as timestamps (a policy's {@code Version: "2012-10-17"}). */
    private static final class CloudFormationQuoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || TIMESTAMP.matcher(value).matches();
        }
    }

    private TemplateText() {}

    static JsonNode read(String text, String source) {
        InvalidTemplateException notJson = null;
        if (text.stripLeading().startsWith("{")) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                var location = e.getLocation();
                // A YAML flow mapping also starts with '{': YAML gets its chance before this error is reported.
                notJson = new InvalidTemplateException(source + (location != null ? " line " + location.getLineNr() + ", column "
                        + location.getColumnNr() : "") + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        try {
            return yamlTree(text, source);
        } catch (InvalidTemplateException e) {
            throw notJson != null ? notJson : e;
        }
    }

    private static JsonNode yamlTree(String text, String source) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(100);
            options.setCodePointLimit(64 * 1024 * 1024);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new InvalidTemplateException(source + (e.getProblemMark() != null ? " line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) : "") + ": not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new InvalidTemplateException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) throw new InvalidTemplateException(source + ": is empty; a template is a mapping with Resources");
        return new Converter(source).convert(root);
    }

    static String yaml(JsonNode template) {
        try {
            return YAML.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode template) {
        try {
            return JSON.writeValueAsString(template) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns SnakeYAML's node graph into Jackson nodes, expanding CloudFormation's tags. */
    private record Converter(String source) {
        JsonNode convert(Node node) {
            String tag = node.getTag().getValue();
            if (tag.startsWith("!")) return function(tag.substring(1), node);
            return plain(node);
        }

        private JsonNode plain(Node node) {
            if (node instanceof MappingNode mapping) {
                ObjectNode object = NODES.objectNode();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        throw error(tuple.getKeyNode(), "a mapping key must be a plain value");
                    }
                    if (object.has(key.getValue())) throw error(key, "the key '" + key.getValue() + "' appears twice in one mapping");
                    object.set(key.getValue(), convert(tuple.getValueNode()));
                }
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode();
                sequence.getValue().forEach(item -> array.add(convert(item)));
                return array;
            }
            ScalarNode scalar = (ScalarNode) node;
            String value = scalar.getValue();
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) return NODES.nullNode();
            if (tag.equals(Tag.BOOL)) return NODES.booleanNode(Set.of("true", "yes", "on").contains(value.toLowerCase(java.util.Locale.ROOT)));
            if (tag.equals(Tag.INT)) {
                try {
                    BigInteger number = new BigInteger(value.replace("_", ""));
                    if (number.bitLength() < 32) return NODES.numberNode(number.intValue());
                    if (number.bitLength() < 64) return NODES.numberNode(number.longValue());
                    return NODES.numberNode(number);
                } catch (NumberFormatException e) {
                    return NODES.textNode(value);
                }
            }
            if (tag.equals(Tag.FLOAT)) {
                try {
                    return NODES.numberNode(new BigDecimal(value.replace("_", "")));
                } catch (NumberFormatException e) {
                    return NODES.textNode(value);
                }
            }
            return NODES.textNode(value);
        }

        private JsonNode function(String name, Node node) {
            ObjectNode result = NODES.objectNode();
            if (name.equals("Ref") || name.equals("Condition")) {
                if (!(node instanceof ScalarNode scalar)) throw error(node, "!" + name + " takes a name");
                return result.put(name, scalar.getValue());
            }
            if (!FUNCTIONS.contains(name)) throw error(node, "unknown tag !" + name + "; CloudFormation's short forms are !Ref, !Condition and !"
                    + String.join(", !", new java.util.TreeSet<>(FUNCTIONS)));
            if (name.equals("GetAtt") && node instanceof ScalarNode scalar) {
                String text = scalar.getValue();
                int dot = text.indexOf('.');
                if (dot <= 0 || dot == text.length() - 1) throw error(node, "!GetAtt takes LogicalId.Attribute, but has '" + text + "'");
                ArrayNode args = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
                result.set("Fn::GetAtt", args);
                return result;
            }
            JsonNode value = node instanceof ScalarNode scalar ? NODES.textNode(scalar.getValue()) : plain(node);
            result.set("Fn::" + name, value);
            return result;
        }

        private InvalidTemplateException error(Node node, String message) {
            var mark = node.getStartMark();
            return new InvalidTemplateException(source + (mark != null ? " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) : "")
                    + ": " + message);
        }
    }
}
