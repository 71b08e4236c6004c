package dev.awstestharness.harness.internal.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.contract.GeneratedResources;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Evaluates CloudFormation's intrinsic functions in template values, as CloudFormation would on the target: {@code Ref}
 * (parameters, pseudo parameters, resources), {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split} and {@code Fn::FindInMap}. Parameters have their default values; resources are
 * the ones the target deployed ({@link ResourceValues}). Anything else is a {@link TemplateException} naming the file, the
 * field, the function and what was expected.
 */
public final class Intrinsics {
    /** The functions this resolver evaluates. */
    public static final List<String> SUPPORTED = List.of("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::FindInMap");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Declaration declaration;
    private final PseudoParameters pseudo;
    private final Map<String, ResourceValues> resources;

    /**
     * The values of the AWS pseudo parameters on the target.
     *
     * @param stackName AWS::StackName (and part of AWS::StackId)
     */
    public record PseudoParameters(String region, String accountId, String partition, String stackName, String urlSuffix) {
        JsonNode value(String name) {
            return switch (name) {
                case "AWS::Region" -> TextNode.valueOf(region);
                case "AWS::AccountId" -> TextNode.valueOf(accountId);
                case "AWS::Partition" -> TextNode.valueOf(partition);
                case "AWS::StackName" -> TextNode.valueOf(stackName);
                case "AWS::URLSuffix" -> TextNode.valueOf(urlSuffix);
                case "AWS::StackId" -> TextNode.valueOf("arn:" + partition + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName
                        + "/00000000-0000-0000-0000-000000000000");
                default -> null;
            };
        }
    }

    public Intrinsics(Declaration declaration, PseudoParameters pseudo, Map<String, ResourceValues> resources) {
        this.declaration = declaration;
        this.pseudo = pseudo;
        this.resources = Map.copyOf(resources);
    }

    /**
     * The value with every intrinsic function in it evaluated.
     *
     * @param field where the value is in the template, for messages ({@code Resources.X.Properties.Y})
     */
    public JsonNode resolve(JsonNode value, String field) {
        if (value == null) return null;
        if (value.isObject()) {
            if (value.size() == 1) {
                String key = value.fieldNames().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) return function(key, value.get(key), field);
            }
            ObjectNode result = NODES.objectNode();
            value.properties().forEach(entry -> result.set(entry.getKey(), resolve(entry.getValue(), field + "." + entry.getKey())));
            return result;
        }
        if (value.isArray()) {
            ArrayNode result = NODES.arrayNode();
            for (int i = 0; i < value.size(); i++) result.add(resolve(value.get(i), field + "[" + i + "]"));
            return result;
        }
        return value;
    }

    /** The value resolved to a string, number or boolean, as text (for substitutions). */
    public String resolveScalar(JsonNode value, String field) {
        JsonNode resolved = resolve(value, field);
        if (resolved == null || !resolved.isValueNode() || resolved.isNull()) {
            throw error(field, "must be a string, a number or a boolean, but " + (value != null && value.isObject() ? shortForm(value)
                    + " gives " : "is ") + DeclarationReader.describe(resolved));
        }
        return resolved.asText();
    }

    private JsonNode function(String name, JsonNode argument, String field) {
        return switch (name) {
            case "Ref" -> ref(argument, field);
            case "Fn::GetAtt" -> getAtt(argument, field);
            case "Fn::Sub" -> sub(argument, field);
            case "Fn::Join" -> join(argument, field);
            case "Fn::Select" -> select(argument, field);
            case "Fn::Split" -> split(argument, field);
            case "Fn::FindInMap" -> findInMap(argument, field);
            default -> throw error(field, name + " is not supported by the harness (it evaluates " + String.join(", ", SUPPORTED)
                    + " and the pseudo parameters AWS::Region, AWS::AccountId, AWS::Partition, AWS::StackName, AWS::StackId and AWS::URLSuffix)");
        };
    }

    private JsonNode ref(JsonNode argument, String field) {
        if (!argument.isTextual()) throw error(field, "!Ref takes the name of a parameter or resource, but was given " + argument);
        return reference(argument.asText(), field, "!Ref " + argument.asText());
    }

    private JsonNode reference(String name, String field, String expression) {
        if (name.startsWith("AWS::")) {
            JsonNode value = pseudo.value(name);
            if (value == null) {
                throw error(field, expression + ": the pseudo parameter " + name + " is not supported; the harness knows AWS::Region, "
                        + "AWS::AccountId, AWS::Partition, AWS::StackName, AWS::StackId and AWS::URLSuffix");
            }
            return value;
        }
        if (declaration.parameterTypes().containsKey(name)) {
            if (Declaration.DOUBLE_PARAMETERS.contains(name)) {
                throw error(field, expression + ": the parameter " + name + " declares the doubles; refer to the doubles' resources instead");
            }
            JsonNode value = declaration.parameters().get(name);
            if (value == null) {
                throw error(field, expression + ": the parameter " + name + " has no Default; give it one (the local target uses the defaults)");
            }
            return value;
        }
        return resource(name, field, expression).ref();
    }

    private ResourceValues resource(String logicalId, String field, String expression) {
        ResourceValues resource = resources.get(logicalId);
        if (resource != null) return resource;
        String type = declaration.otherResources().get(logicalId);
        if (type != null) {
            throw error(field, expression + ": the resource " + logicalId + " (" + type + ") is not deployed by the harness; "
                    + "definitions can refer to the test doubles' resources, the state machines under test and parameters");
        }
        String undeclared = undeclaredDouble(logicalId);
        if (undeclared != null) throw error(field, expression + ": " + undeclared);
        throw error(field, expression + ": there is no parameter or resource named " + logicalId + known());
    }

    /** For a generated logical id of a double the template does not declare: which, and what is declared. */
    private String undeclaredDouble(String logicalId) {
        record Kind(String suffix, String description, String parameter, java.util.Collection<String> declared) {}
        List<Kind> kinds = List.of(
                new Kind(GeneratedResources.LAMBDA_FUNCTION_SUFFIX, "Lambda function double", Declaration.LAMBDA_FUNCTIONS,
                        declaration.lambdaFunctions()),
                new Kind(GeneratedResources.STATE_MACHINE_SUFFIX, "state machine double", Declaration.STATE_MACHINES, declaration.stateMachines()),
                new Kind(GeneratedResources.S3_BUCKET_SUFFIX, "S3 bucket double", Declaration.S3_BUCKETS, declaration.s3Buckets()),
                new Kind(GeneratedResources.DYNAMODB_TABLE_SUFFIX, "DynamoDB table double", Declaration.DYNAMODB_TABLES,
                        declaration.dynamoDbTables().keySet()),
                new Kind(GeneratedResources.ECS_TASK_DEFINITION_SUFFIX, "ECS task double", Declaration.ECS_TASK_FAMILIES,
                        declaration.ecsTaskFamilies().keySet()));
        for (Kind kind : kinds) {
            if (logicalId.endsWith(kind.suffix()) && logicalId.length() > kind.suffix().length()) {
                String name = logicalId.substring(0, logicalId.length() - kind.suffix().length());
                return "the template declares no " + kind.description() + " '" + name + "' (parameter " + kind.parameter() + " declares "
                        + (kind.declared().isEmpty() ? "none" : String.join(", ", kind.declared())) + ")";
            }
        }
        if (logicalId.equals(GeneratedResources.ECS_CLUSTER) && declaration.ecsTaskFamilies().isEmpty()) {
            return "the harness creates its ECS cluster only when the template declares ECS task doubles (parameter "
                    + Declaration.ECS_TASK_FAMILIES + ")";
        }
        return null;
    }

    private String known() {
        TreeSet<String> names = new TreeSet<>(resources.keySet());
        return names.isEmpty() ? "" : "; the harness's resources are " + String.join(", ", names);
    }

    private JsonNode getAtt(JsonNode argument, String field) {
        String logicalId;
        JsonNode attributeNode;
        if (argument.isTextual() && argument.asText().contains(".")) {
            String text = argument.asText();
            logicalId = text.substring(0, text.indexOf('.'));
            attributeNode = TextNode.valueOf(text.substring(text.indexOf('.') + 1));
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            logicalId = argument.get(0).asText();
            attributeNode = resolve(argument.get(1), field);
        } else {
            throw error(field, "Fn::GetAtt takes [LogicalId, Attribute] (or !GetAtt LogicalId.Attribute), but was given " + argument);
        }
        if (!attributeNode.isTextual()) throw error(field, "Fn::GetAtt's attribute name must be a string, but was " + attributeNode);
        String attribute = attributeNode.asText();
        String expression = "!GetAtt " + logicalId + "." + attribute;
        ResourceValues resource = resource(logicalId, field, expression);
        JsonNode value = resource.attributes().get(attribute);
        if (value == null) {
            throw error(field, expression + ": " + resource.description() + " (" + logicalId + ", " + resource.type() + ") has no attribute "
                    + attribute + (resource.attributes().isEmpty() ? "" : "; it has " + String.join(", ", new TreeSet<>(resource.attributes().keySet()))));
        }
        return value;
    }

    private JsonNode sub(JsonNode argument, String field) {
        String template;
        Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
        if (argument.isTextual()) {
            template = argument.asText();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
            template = argument.get(0).asText();
            argument.get(1).properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue()));
        } else {
            throw error(field, "Fn::Sub takes a string, or [string, {variable: value, ...}], but was given " + argument);
        }
        StringBuilder result = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                result.append(template, i, template.length());
                break;
            }
            result.append(template, i, start);
            int end = template.indexOf('}', start);
            if (end < 0) throw error(field, "!Sub '" + template + "': the ${ at position " + start + " is not closed with }");
            String variable = template.substring(start + 2, end);
            if (variable.startsWith("!")) {
                result.append("${").append(variable.substring(1)).append('}');
            } else {
                String expression = "!Sub '" + template + "' (${" + variable + "})";
                JsonNode value;
                if (variables.containsKey(variable)) {
                    value = resolve(variables.get(variable), field + "." + variable);
                } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                    String logicalId = variable.substring(0, variable.indexOf('.'));
                    ArrayNode getAtt = NODES.arrayNode().add(logicalId).add(variable.substring(variable.indexOf('.') + 1));
                    value = getAtt(getAtt, field);
                } else {
                    value = reference(variable.trim(), field, expression);
                }
                result.append(text(value, field, expression));
            }
            i = end + 1;
        }
        return TextNode.valueOf(result.toString());
    }

    private JsonNode join(JsonNode argument, String field) {
        if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
            throw error(field, "Fn::Join takes [delimiter, [values]], but was given " + argument);
        }
        String delimiter = argument.get(0).asText();
        JsonNode values = resolve(argument.get(1), field);
        if (!values.isArray()) throw error(field, "Fn::Join's values must be a list, but are " + DeclarationReader.describe(values));
        List<String> parts = new ArrayList<>();
        for (JsonNode value : values) parts.add(text(value, field, "Fn::Join"));
        return TextNode.valueOf(String.join(delimiter, parts));
    }

    private JsonNode select(JsonNode argument, String field) {
        if (!argument.isArray() || argument.size() != 2) throw error(field, "Fn::Select takes [index, [values]], but was given " + argument);
        JsonNode indexNode = resolve(argument.get(0), field);
        int index;
        try {
            index = indexNode.isNumber() ? indexNode.intValue() : Integer.parseInt(indexNode.asText().trim());
        } catch (NumberFormatException e) {
            throw error(field, "Fn::Select's index must be a number, but is " + indexNode);
        }
        JsonNode values = resolve(argument.get(1), field);
        if (!values.isArray()) throw error(field, "Fn::Select's values must be a list, but are " + DeclarationReader.describe(values));
        if (index < 0 || index >= values.size()) {
            throw error(field, "Fn::Select's index " + index + " is out of bounds for the " + values.size() + " values " + values);
        }
        return values.get(index);
    }

    private JsonNode split(JsonNode argument, String field) {
        if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual() || argument.get(0).asText().isEmpty()) {
            throw error(field, "Fn::Split takes [delimiter, string], but was given " + argument);
        }
        String delimiter = argument.get(0).asText();
        String source = text(resolve(argument.get(1), field), field, "Fn::Split");
        ArrayNode parts = NODES.arrayNode();
        int from = 0;
        while (true) {
            int at = source.indexOf(delimiter, from);
            if (at < 0) {
                parts.add(source.substring(from));
                return parts;
            }
            parts.add(source.substring(from, at));
            from = at + delimiter.length();
        }
    }

    private JsonNode findInMap(JsonNode argument, String field) {
        if (!argument.isArray() || argument.size() != 3) {
            throw error(field, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey], but was given " + argument);
        }
        String map = text(resolve(argument.get(0), field), field, "Fn::FindInMap");
        String top = text(resolve(argument.get(1), field), field, "Fn::FindInMap");
        String second = text(resolve(argument.get(2), field), field, "Fn::FindInMap");
        JsonNode value = declaration.mappings().path(map).path(top).get(second);
        if (value == null) throw error(field, "Fn::FindInMap: Mappings." + map + "." + top + "." + second + " does not exist");
        return value;
    }

    private String text(JsonNode value, String field, String expression) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw error(field, expression + " needs a string here, but the value is " + DeclarationReader.describe(value));
        }
        return value.asText();
    }

    /** {@code {"Fn::GetAtt": ["A", "B"]}} as {@code !GetAtt A.B}, for messages. */
    static String shortForm(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) return String.valueOf(value);
        Iterator<String> names = value.fieldNames();
        String name = names.next();
        JsonNode argument = value.get(name);
        if (name.equals("Ref")) return "!Ref " + argument.asText();
        if (name.equals("Fn::GetAtt") && argument.isArray() && argument.size() == 2) {
            return "!GetAtt " + argument.get(0).asText() + "." + argument.get(1).asText();
        }
        return name.startsWith("Fn::") ? "!" + name.substring(4) + " " + argument : value.toString();
    }

    private TemplateException error(String field, String message) {
        return new TemplateException(declaration.source().name() + ": " + field + ": " + message);
    }
}
