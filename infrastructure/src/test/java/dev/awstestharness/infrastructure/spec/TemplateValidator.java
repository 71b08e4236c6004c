package dev.awstestharness.infrastructure.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a template (Jackson tree in CloudFormation's long form) against a {@link ResourceSpecification}, offline:
 * <ul>
 *   <li>the sections, and the attributes of parameters, resources and outputs, are ones CloudFormation knows; logical
 *       ids are alphanumeric;</li>
 *   <li>every resource type exists (SAM's {@code AWS::Serverless::*} only with the SAM transform);</li>
 *   <li>every property name is valid at every nesting level (through nested type definitions, lists, maps and unions),
 *       required properties are present, structure matches (a mapping where one is expected, a list where a list is),
 *       and literal strings are among the specification's allowed values where it lists them;</li>
 *   <li>intrinsic functions are well-formed ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 *       {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If}, {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or},
 *       {@code Fn::Not}, {@code Condition}, {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::GetAZs},
 *       {@code Fn::ImportValue}, {@code Fn::Cidr}, ...), used where CloudFormation allows them, and every
 *       {@code Ref}/{@code Fn::GetAtt}/{@code ${...}} target exists (resource, parameter, pseudo parameter; a condition
 *       for {@code Fn::If} and {@code Condition}; a mapping for {@code Fn::FindInMap}); {@code Fn::GetAtt} attributes
 *       exist for the type (for SAM types, those of the resource SAM generates under the same logical id);</li>
 *   <li>{@code DependsOn} and {@code Condition} name existing resources and conditions; parameter defaults satisfy
 *       their {@code AllowedValues}/{@code AllowedPattern}.</li>
 * </ul>
 * Each problem is {@code <path>: <what is wrong>}, e.g. {@code Resources.Task.Properties.ContainerDefinitions[0].Nme:
 * unknown property ...}.
 */
public final class TemplateValidator {
    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    static final String LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
            "Conditions", "Transform", "Resources", "Outputs");
    private static final Set<String> PARAMETER_ATTRIBUTES = Set.of("Type", "Default", "Description", "AllowedValues", "AllowedPattern",
            "ConstraintDescription", "MaxLength", "MinLength", "MaxValue", "MinValue", "NoEcho");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy",
            "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> OUTPUT_ATTRIBUTES = Set.of("Description", "Value", "Export", "Condition");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
            "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Set<String> AWS_PARAMETER_TYPES = Set.of("AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id",
            "AWS::EC2::Instance::Id", "AWS::EC2::KeyPair::KeyName", "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id",
            "AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id", "AWS::EC2::VPC::Id", "AWS::Route53::HostedZone::Id");
    private static final Set<String> DELETION_POLICIES = Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition");
    private static final Set<String> RULE_FUNCTIONS = Set.of("Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::RefAll",
            "Fn::ValueOf", "Fn::ValueOfAll");
    private static final Set<String> VALUE_FUNCTIONS = Set.of("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If",
            "Fn::FindInMap", "Fn::Base64", "Fn::GetAZs", "Fn::ImportValue", "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** SAM types have no attributes in the specification: {@code Fn::GetAtt} reaches the resource SAM generates under the same logical id. */
    static final Map<String, String> SAM_GENERATED_TYPES = Map.of(
            "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine",
            "AWS::Serverless::Function", "AWS::Lambda::Function",
            "AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table",
            "AWS::Serverless::Api", "AWS::ApiGateway::RestApi",
            "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api",
            "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion",
            "AWS::Serverless::Application", "AWS::CloudFormation::Stack");

    private final ResourceSpecification specification;

    public TemplateValidator(ResourceSpecification specification) {
        this.specification = specification;
    }

    /** The problems of {@code template}; empty when it is valid. */
    public List<String> validate(JsonNode template) {
        return new Run(template).validate();
    }

    private enum Context { VALUE, CONDITION, RULE }

    /** One validation: the template's names, and the problems found. */
    private final class Run {
        private final JsonNode template;
        private final List<String> problems = new ArrayList<>();
        /** Problems of shape (names, types, required properties), as opposed to references to missing targets. */
        private int structuralProblems;
        private final Map<String, String> parameterTypes = new HashMap<>();
        private final Map<String, String> resourceTypes = new HashMap<>();
        private final Set<String> conditions = new HashSet<>();
        private final Set<String> mappings = new HashSet<>();
        private final Set<String> transforms = new HashSet<>();

        Run(JsonNode template) {
            this.template = template;
        }

        List<String> validate() {
            if (!template.isObject()) return List.of("(template): must be a mapping");
            JsonNode transform = template.path("Transform");
            if (transform.isTextual()) transforms.add(transform.asText());
            transform.forEach(entry -> transforms.add(entry.asText()));
            boolean sam = transforms.contains(SAM_TRANSFORM);
            template.fieldNames().forEachRemaining(section -> {
                if (!SECTIONS.contains(section) && !(sam && section.equals("Globals"))) {
                    problem(section, "unknown template section; CloudFormation's are " + new TreeSet<>(SECTIONS));
                }
            });
            template.path("Parameters").properties().forEach(entry -> parameterTypes.put(entry.getKey(), entry.getValue().path("Type").asText()));
            template.path("Resources").properties().forEach(entry -> resourceTypes.put(entry.getKey(), entry.getValue().path("Type").asText()));
            template.path("Conditions").fieldNames().forEachRemaining(conditions::add);
            template.path("Mappings").fieldNames().forEachRemaining(mappings::add);
            if (!template.has("Resources") || template.path("Resources").isEmpty()) problem("Resources", "a template needs at least one resource");
            for (String name : parameterTypes.keySet()) if (resourceTypes.containsKey(name)) problem("Resources." + name, "has the name of a parameter");

            parameters();
            mappings();
            conditions();
            rules();
            resources();
            outputs();
            return problems;
        }

        private void parameters() {
            template.path("Parameters").properties().forEach(entry -> {
                String path = "Parameters." + entry.getKey();
                logicalId(entry.getKey(), path);
                JsonNode parameter = entry.getValue();
                if (!parameter.isObject()) {
                    problem(path, "must be a mapping with Type");
                    return;
                }
                parameter.fieldNames().forEachRemaining(name -> {
                    if (!PARAMETER_ATTRIBUTES.contains(name)) problem(path + "." + name, "unknown parameter attribute; they are " + new TreeSet<>(PARAMETER_ATTRIBUTES));
                });
                String type = parameter.path("Type").asText("");
                if (!validParameterType(type)) problem(path + ".Type", "'" + type + "' is not a parameter type");
                JsonNode defaultValue = parameter.get("Default");
                if (defaultValue != null && !defaultValue.isValueNode()) problem(path + ".Default", "must be a string, number or comma-separated list");
                if (defaultValue != null && defaultValue.isValueNode()) {
                    String value = defaultValue.asText();
                    JsonNode allowed = parameter.get("AllowedValues");
                    if (allowed != null && !isList(type)) {
                        boolean found = false;
                        for (JsonNode item : allowed) found |= item.asText().equals(value);
                        if (!found) problem(path + ".Default", "'" + value + "' is not one of AllowedValues " + allowed);
                    }
                    JsonNode pattern = parameter.get("AllowedPattern");
                    if (pattern != null && !isList(type) && !Pattern.compile(pattern.asText()).matcher(value).matches()) {
                        problem(path + ".Default", "'" + value + "' does not match AllowedPattern " + pattern.asText());
                    }
                }
            });
        }

        private boolean validParameterType(String type) {
            if (type.equals("String") || type.equals("Number") || type.equals("List<Number>") || type.equals("CommaDelimitedList")) return true;
            if (AWS_PARAMETER_TYPES.contains(type)) return true;
            if (type.startsWith("List<") && type.endsWith(">")) return AWS_PARAMETER_TYPES.contains(type.substring(5, type.length() - 1));
            return type.startsWith("AWS::SSM::Parameter::");
        }

        private boolean isList(String type) {
            return type.equals("CommaDelimitedList") || type.startsWith("List<");
        }

        private void mappings() {
            template.path("Mappings").properties().forEach(entry -> {
                logicalId(entry.getKey(), "Mappings." + entry.getKey());
                if (!entry.getValue().isObject()) problem("Mappings." + entry.getKey(), "must be a mapping of keys to mappings");
                entry.getValue().properties().forEach(level -> {
                    if (!level.getValue().isObject()) problem("Mappings." + entry.getKey() + "." + level.getKey(), "must be a mapping of keys to values");
                });
            });
        }

        private void conditions() {
            template.path("Conditions").properties().forEach(entry -> {
                String path = "Conditions." + entry.getKey();
                logicalId(entry.getKey(), path);
                conditionExpression(entry.getValue(), path, Context.CONDITION);
            });
        }

        private void conditionExpression(JsonNode expression, String path, Context context) {
            String function = functionName(expression);
            if (function == null || !(CONDITION_FUNCTIONS.contains(function) || context == Context.RULE && RULE_FUNCTIONS.contains(function))) {
                problem(path, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, but is " + brief(expression));
                return;
            }
            intrinsic(expression, function, path, context, null);
        }

        private void rules() {
            template.path("Rules").properties().forEach(entry -> {
                String path = "Rules." + entry.getKey();
                logicalId(entry.getKey(), path);
                JsonNode rule = entry.getValue();
                rule.fieldNames().forEachRemaining(name -> {
                    if (!name.equals("RuleCondition") && !name.equals("Assertions")) problem(path + "." + name, "unknown rule attribute");
                });
                if (rule.has("RuleCondition")) conditionExpression(rule.get("RuleCondition"), path + ".RuleCondition", Context.RULE);
                JsonNode assertions = rule.get("Assertions");
                if (assertions == null || !assertions.isArray() || assertions.isEmpty()) {
                    problem(path + ".Assertions", "a rule needs a list of assertions");
                    return;
                }
                for (int i = 0; i < assertions.size(); i++) {
                    JsonNode assertion = assertions.get(i);
                    String at = path + ".Assertions[" + i + "]";
                    if (!assertion.has("Assert")) problem(at, "an assertion needs Assert");
                    else conditionExpression(assertion.get("Assert"), at + ".Assert", Context.RULE);
                    assertion.fieldNames().forEachRemaining(name -> {
                        if (!name.equals("Assert") && !name.equals("AssertDescription")) problem(at + "." + name, "unknown assertion attribute");
                    });
                }
            });
        }

        private void resources() {
            template.path("Resources").properties().forEach(entry -> {
                String logicalId = entry.getKey();
                String path = "Resources." + logicalId;
                logicalId(logicalId, path);
                JsonNode resource = entry.getValue();
                if (!resource.isObject()) {
                    problem(path, "must be a mapping with Type");
                    return;
                }
                resource.fieldNames().forEachRemaining(name -> {
                    if (!RESOURCE_ATTRIBUTES.contains(name)) problem(path + "." + name, "unknown resource attribute; they are " + new TreeSet<>(RESOURCE_ATTRIBUTES));
                });
                dependsOn(resource.get("DependsOn"), path + ".DependsOn");
                condition(resource.get("Condition"), path + ".Condition");
                for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                    JsonNode value = resource.get(policy);
                    if (value != null && !DELETION_POLICIES.contains(value.asText())) problem(path + "." + policy, "must be one of " + DELETION_POLICIES);
                }
                if (resource.has("Metadata")) any(resource.get("Metadata"), path + ".Metadata");
                String type = resource.path("Type").asText("");
                JsonNode properties = resource.get("Properties");
                if (properties != null && !properties.isObject()) {
                    problem(path + ".Properties", "must be a mapping");
                    return;
                }
                if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
                    if (properties == null || !properties.has("ServiceToken")) problem(path + ".Properties", "a custom resource needs ServiceToken");
                    if (properties != null) any(properties, path + ".Properties");
                    return;
                }
                var spec = specification.resource(type);
                if (spec.isEmpty()) {
                    problem(path + ".Type", "unknown resource type '" + type + "'");
                    return;
                }
                JsonNode transform = spec.get().get("cloudFormationTransform");
                if (transform != null && !transforms.contains(transform.asText())) {
                    problem(path + ".Type", type + " needs the transform " + transform.asText() + ", which the template does not declare");
                }
                structure(properties == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : properties,
                        spec.get().path("properties"), path + ".Properties", type);
            });
        }

        private void outputs() {
            template.path("Outputs").properties().forEach(entry -> {
                String path = "Outputs." + entry.getKey();
                logicalId(entry.getKey(), path);
                JsonNode output = entry.getValue();
                output.fieldNames().forEachRemaining(name -> {
                    if (!OUTPUT_ATTRIBUTES.contains(name)) problem(path + "." + name, "unknown output attribute; they are " + new TreeSet<>(OUTPUT_ATTRIBUTES));
                });
                if (!output.has("Value")) problem(path, "an output needs Value");
                else any(output.get("Value"), path + ".Value");
                if (output.has("Export")) any(output.get("Export"), path + ".Export");
                condition(output.get("Condition"), path + ".Condition");
            });
        }

        private void dependsOn(JsonNode dependsOn, String path) {
            if (dependsOn == null) return;
            List<JsonNode> names = new ArrayList<>();
            if (dependsOn.isArray()) dependsOn.forEach(names::add);
            else names.add(dependsOn);
            for (JsonNode name : names) {
                if (!name.isTextual() || !resourceTypes.containsKey(name.asText())) problem(path, "names " + brief(name) + ", which is not a resource of the template");
            }
        }

        private void condition(JsonNode condition, String path) {
            if (condition == null) return;
            if (!condition.isTextual() || !conditions.contains(condition.asText())) {
                problem(path, "names " + brief(condition) + ", which is not a condition of the template; it has " + new TreeSet<>(conditions));
            }
        }

        /** A mapping of properties described by {@code properties} (name → {type, required}). */
        private void structure(JsonNode value, JsonNode properties, String path, String typeName) {
            value.fieldNames().forEachRemaining(name -> {
                if (!properties.has(name)) {
                    problem(path + "." + name, "unknown property of " + typeName + "; it has " + new TreeSet<>(names(properties)));
                }
            });
            properties.properties().forEach(entry -> {
                JsonNode property = entry.getValue();
                JsonNode given = value.get(entry.getKey());
                if (given == null) {
                    if (property.path("required").asBoolean(false)) problem(path, typeName + " requires the property " + entry.getKey());
                    return;
                }
                List<JsonNode> alternatives = new ArrayList<>();
                alternatives.add(property.get("type"));
                property.path("previousTypes").forEach(alternatives::add);
                typed(given, alternatives, path + "." + entry.getKey());
            });
        }

        /** A value that must match one of {@code alternatives}; the problems of the closest one are reported. */
        private void typed(JsonNode value, List<JsonNode> alternatives, String path) {
            if (alternatives.size() == 1) {
                typed(value, alternatives.get(0), path);
                return;
            }
            List<String> best = null;
            boolean bestShaped = false;
            int bestStructural = Integer.MAX_VALUE;
            for (JsonNode alternative : alternatives) {
                Run trial = new Run(template);
                trial.parameterTypes.putAll(parameterTypes);
                trial.resourceTypes.putAll(resourceTypes);
                trial.conditions.addAll(conditions);
                trial.mappings.addAll(mappings);
                trial.transforms.addAll(transforms);
                trial.typed(value, alternative, path);
                if (trial.problems.isEmpty()) return;
                if (trial.structuralProblems == 0) {
                    // The value has this alternative's shape; what is wrong is where it points.
                    problems.addAll(trial.problems);
                    structuralProblems += trial.structuralProblems;
                    return;
                }
                // Report the alternative of the value's own shape (a list for a list, ...), else the one with fewest problems.
                boolean shaped = sameShape(value, alternative);
                if (best == null || shaped && !bestShaped || shaped == bestShaped && trial.structuralProblems < bestStructural) {
                    best = trial.problems;
                    bestShaped = shaped;
                    bestStructural = trial.structuralProblems;
                }
            }
            problems.addAll(best);
            structuralProblems += bestStructural;
        }

        private boolean sameShape(JsonNode value, JsonNode type) {
            return switch (type.path("type").asText()) {
                case "array" -> value.isArray();
                case "ref", "map", "tag" -> value.isObject();
                case "json", "union" -> true;
                default -> value.isValueNode();
            };
        }

        private void typed(JsonNode value, JsonNode type, String path) {
            String function = functionName(value);
            if (function != null) {
                intrinsic(value, function, path, Context.VALUE, type);
                return;
            }
            String kind = type.path("type").asText();
            switch (kind) {
                case "string", "date-time" -> {
                    if (!value.isValueNode() || value.isNull()) problem(path, "must be a string, but is " + brief(value));
                    else allowedValue(value, type, path);
                }
                case "integer", "number" -> {
                    if (!(value.isNumber() || value.isTextual() && value.asText().matches("-?[0-9]+(\\.[0-9]+)?"))) {
                        problem(path, "must be a number, but is " + brief(value));
                    }
                }
                case "boolean" -> {
                    if (!(value.isBoolean() || value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false")))) {
                        problem(path, "must be a boolean, but is " + brief(value));
                    }
                }
                case "json" -> any(value, path);
                case "tag" -> {
                    if (!value.isObject()) problem(path, "must be a tag {Key, Value}, but is " + brief(value));
                    else structure(value, TAG, path, "Tag");
                }
                case "ref" -> {
                    JsonNode definition = specification.type(type.path("reference").path("$ref").asText());
                    if (!value.isObject()) problem(path, "must be a mapping (" + definition.path("name").asText() + "), but is " + brief(value));
                    else structure(value, definition.path("properties"), path, definition.path("name").asText());
                }
                case "array" -> {
                    if (!value.isArray()) {
                        problem(path, "must be a list, but is " + brief(value));
                        return;
                    }
                    for (int i = 0; i < value.size(); i++) typed(value.get(i), type.get("element"), path + "[" + i + "]");
                }
                case "map" -> {
                    if (!value.isObject()) {
                        problem(path, "must be a mapping, but is " + brief(value));
                        return;
                    }
                    value.properties().forEach(entry -> typed(entry.getValue(), type.get("element"), path + "." + entry.getKey()));
                }
                case "union" -> {
                    List<JsonNode> alternatives = new ArrayList<>();
                    type.path("types").forEach(alternatives::add);
                    typed(value, alternatives, path);
                }
                default -> problem(path, "has the type '" + kind + "', which this validator does not know");
            }
        }

        private void allowedValue(JsonNode value, JsonNode type, String path) {
            JsonNode allowed = type.get("allowedValues");
            if (allowed == null || !value.isTextual()) return;
            for (JsonNode item : allowed) if (item.asText().equals(value.asText())) return;
            problem(path, "'" + value.asText() + "' is not one of the allowed values " + allowed);
        }

        /** Any value (json, metadata, outputs): only the intrinsic functions in it are checked. */
        private void any(JsonNode value, String path) {
            String function = functionName(value);
            if (function != null) {
                intrinsic(value, function, path, Context.VALUE, null);
            } else if (value.isObject()) {
                value.properties().forEach(entry -> any(entry.getValue(), path + "." + entry.getKey()));
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) any(value.get(i), path + "[" + i + "]");
            }
        }

        /** {@code Ref}, {@code Condition} or {@code Fn::*} when {@code value} is a one-key mapping with such a key, else null. */
        private String functionName(JsonNode value) {
            if (!value.isObject() || value.size() != 1) return null;
            String key = value.fieldNames().next();
            return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::") ? key : null;
        }

        private void intrinsic(JsonNode value, String function, String path, Context context, JsonNode type) {
            JsonNode argument = value.get(function);
            String at = path + "." + function;
            boolean allowed = switch (context) {
                case VALUE -> VALUE_FUNCTIONS.contains(function);
                case CONDITION -> CONDITION_FUNCTIONS.contains(function) || function.equals("Ref") || function.equals("Fn::FindInMap")
                        || function.equals("Fn::Select") || function.equals("Fn::Join") || function.equals("Fn::Split") || function.equals("Fn::Sub");
                case RULE -> RULE_FUNCTIONS.contains(function) || CONDITION_FUNCTIONS.contains(function) && !function.equals("Condition")
                        || function.equals("Ref") || function.equals("Fn::Join") || function.equals("Fn::Select") || function.equals("Fn::Split");
            };
            if (!allowed) {
                boolean known = VALUE_FUNCTIONS.contains(function) || CONDITION_FUNCTIONS.contains(function) || RULE_FUNCTIONS.contains(function)
                        || function.equals("Fn::ForEach");
                problem(at, known ? function + " cannot be used here (" + context.name().toLowerCase(java.util.Locale.ROOT) + " context)"
                        : "unknown intrinsic function " + function);
                return;
            }
            if ((function.equals("Fn::Length") || function.equals("Fn::ToJsonString")) && !transforms.contains(LANGUAGE_EXTENSIONS)) {
                problem(at, function + " needs the transform " + LANGUAGE_EXTENSIONS);
            }
            switch (function) {
                case "Ref" -> ref(argument, at, context);
                case "Condition" -> {
                    if (!argument.isTextual() || !conditions.contains(argument.asText())) {
                        problem(at, "names " + brief(argument) + ", which is not a condition of the template");
                    }
                }
                case "Fn::GetAtt" -> getAtt(argument, at);
                case "Fn::Sub" -> sub(argument, at, context);
                case "Fn::Join" -> {
                    if (arity(argument, 2, at, "[delimiter, [values...]]") && text(argument.get(0), at + "[0]", "the delimiter")) {
                        list(argument.get(1), at + "[1]", context);
                    }
                }
                case "Fn::Select" -> {
                    if (arity(argument, 2, at, "[index, [values...]]")) {
                        JsonNode index = argument.get(0);
                        if (functionName(index) != null) value(index, at + "[0]", context);
                        else if (!(index.isIntegralNumber() && index.canConvertToInt() || index.isTextual() && index.asText().matches("[0-9]+"))) {
                            problem(at + "[0]", "the index must be a whole number, but is " + brief(index));
                        }
                        list(argument.get(1), at + "[1]", context);
                    }
                }
                case "Fn::Split" -> {
                    if (arity(argument, 2, at, "[delimiter, string]") && text(argument.get(0), at + "[0]", "the delimiter")) {
                        scalar(argument.get(1), at + "[1]", context);
                    }
                }
                case "Fn::If" -> {
                    if (arity(argument, 3, at, "[condition name, value if true, value if false]")) {
                        JsonNode name = argument.get(0);
                        if (!name.isTextual() || !conditions.contains(name.asText())) {
                            problem(at + "[0]", "names " + brief(name) + ", which is not a condition of the template; it has " + new TreeSet<>(conditions));
                        }
                        for (int i = 1; i <= 2; i++) branch(argument.get(i), at + "[" + i + "]", type);
                    }
                }
                case "Fn::Equals" -> {
                    if (arity(argument, 2, at, "[value, value]")) {
                        scalar(argument.get(0), at + "[0]", context);
                        scalar(argument.get(1), at + "[1]", context);
                    }
                }
                case "Fn::And", "Fn::Or" -> {
                    if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
                        problem(at, "takes a list of 2 to 10 conditions, but has " + brief(argument));
                    } else {
                        for (int i = 0; i < argument.size(); i++) conditionExpression(argument.get(i), at + "[" + i + "]", context);
                    }
                }
                case "Fn::Not" -> {
                    if (arity(argument, 1, at, "[condition]")) conditionExpression(argument.get(0), at + "[0]", context);
                }
                case "Fn::FindInMap" -> {
                    if (!argument.isArray() || argument.size() < 3 || argument.size() > 4) {
                        problem(at, "takes [map name, top-level key, second-level key], but has " + brief(argument));
                    } else {
                        JsonNode map = argument.get(0);
                        if (map.isTextual() && !mappings.contains(map.asText())) problem(at + "[0]", "names the mapping '" + map.asText() + "', which the template does not have");
                        for (int i = 0; i < argument.size(); i++) if (functionName(argument.get(i)) != null) value(argument.get(i), at + "[" + i + "]", context);
                    }
                }
                case "Fn::Base64", "Fn::ImportValue", "Fn::GetAZs", "Fn::Length", "Fn::ToJsonString" -> any(argument, at);
                case "Fn::Cidr" -> {
                    if (arity(argument, 3, at, "[ip block, count, cidr bits]")) any(argument, at);
                }
                case "Fn::Transform" -> {
                    if (!argument.isObject() || !argument.has("Name")) problem(at, "takes {Name, Parameters}");
                }
                default -> any(argument, at);
            }
        }

        private void branch(JsonNode value, String path, JsonNode type) {
            if (isNoValue(value)) return;
            if (type != null) typed(value, type, path);
            else any(value, path);
        }

        private boolean isNoValue(JsonNode value) {
            return value.isObject() && value.size() == 1 && value.path("Ref").asText().equals("AWS::NoValue");
        }

        private void ref(JsonNode argument, String path, Context context) {
            if (!argument.isTextual()) {
                problem(path, "takes the name of a parameter or resource, but has " + brief(argument));
                return;
            }
            String name = argument.asText();
            boolean resource = resourceTypes.containsKey(name);
            if (PSEUDO_PARAMETERS.contains(name) || parameterTypes.containsKey(name)) return;
            if (resource && context == Context.VALUE) return;
            if (resource) problem(path, "refers to the resource '" + name + "'; conditions and rules may refer to parameters only");
            else problem(path, "refers to '" + name + "', which is no parameter, resource or pseudo parameter of the template");
        }

        private void getAtt(JsonNode argument, String path) {
            String logicalId;
            JsonNode attribute;
            if (argument.isTextual()) {
                int dot = argument.asText().indexOf('.');
                if (dot <= 0) {
                    problem(path, "takes 'LogicalId.Attribute' or [LogicalId, Attribute], but has " + brief(argument));
                    return;
                }
                logicalId = argument.asText().substring(0, dot);
                attribute = com.fasterxml.jackson.databind.node.TextNode.valueOf(argument.asText().substring(dot + 1));
            } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
                logicalId = argument.get(0).asText();
                attribute = argument.get(1);
            } else {
                problem(path, "takes [LogicalId, Attribute], but has " + brief(argument));
                return;
            }
            attribute(logicalId, attribute, path);
        }

        private void attribute(String logicalId, JsonNode attribute, String path) {
            String type = resourceTypes.get(logicalId);
            if (type == null) {
                problem(path, "refers to '" + logicalId + "', which is no resource of the template");
                return;
            }
            if (!attribute.isTextual()) {
                if (functionName(attribute) != null) value(attribute, path + "[1]", Context.VALUE);
                else problem(path, "the attribute must be a name, but is " + brief(attribute));
                return;
            }
            if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) return;
            String attributesOf = SAM_GENERATED_TYPES.getOrDefault(type, type);
            var spec = specification.resource(attributesOf);
            if (spec.isEmpty()) return; // the unknown type is reported with the resource
            if (!spec.get().path("attributes").has(attribute.asText())) {
                problem(path, attributesOf + " has no attribute '" + attribute.asText() + "'; it has " + new TreeSet<>(names(spec.get().path("attributes"))));
            }
        }

        private void sub(JsonNode argument, String path, Context context) {
            JsonNode text;
            Set<String> variables = new HashSet<>();
            if (argument.isTextual()) {
                text = argument;
            } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
                text = argument.get(0);
                argument.get(1).properties().forEach(entry -> {
                    variables.add(entry.getKey());
                    value(entry.getValue(), path + "[1]." + entry.getKey(), context);
                });
            } else {
                problem(path, "takes a string or [string, {variable: value}], but has " + brief(argument));
                return;
            }
            Matcher matcher = PLACEHOLDER.matcher(text.asText());
            while (matcher.find()) {
                String name = matcher.group(1).trim();
                if (name.startsWith("!") || variables.contains(name)) continue;
                int dot = name.indexOf('.');
                if (dot > 0 && !PSEUDO_PARAMETERS.contains(name)) {
                    attribute(name.substring(0, dot), com.fasterxml.jackson.databind.node.TextNode.valueOf(name.substring(dot + 1)), path + " ${" + name + "}");
                } else {
                    ref(com.fasterxml.jackson.databind.node.TextNode.valueOf(name), path + " ${" + name + "}", context);
                }
            }
        }

        /** A list argument: a literal list (its items checked) or a function that returns one. */
        private void list(JsonNode value, String path, Context context) {
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) value(value.get(i), path + "[" + i + "]", context);
            } else if (functionName(value) != null) {
                value(value, path, context);
            } else {
                problem(path, "must be a list or a function returning one, but is " + brief(value));
            }
        }

        private void scalar(JsonNode value, String path, Context context) {
            if (functionName(value) != null) value(value, path, context);
            else if (!value.isValueNode()) problem(path, "must be a string, but is " + brief(value));
        }

        private void value(JsonNode value, String path, Context context) {
            String function = functionName(value);
            if (function != null) intrinsic(value, function, path, context, null);
            else any(value, path);
        }

        private boolean arity(JsonNode argument, int size, String path, String shape) {
            if (argument.isArray() && argument.size() == size) return true;
            problem(path, "takes " + shape + ", but has " + brief(argument));
            return false;
        }

        private boolean text(JsonNode value, String path, String what) {
            if (value.isTextual()) return true;
            problem(path, what + " must be a string, but is " + brief(value));
            return false;
        }

        private void logicalId(String name, String path) {
            if (!LOGICAL_ID.matcher(name).matches()) problem(path, "'" + name + "' is not a valid logical id: 1 to 255 letters and digits");
        }

        private void problem(String path, String message) {
            problems.add(path + ": " + message);
            if (!message.startsWith("refers to") && !message.startsWith("names ") && !message.contains(" has no attribute ")) structuralProblems++;
        }
    }

    private static final JsonNode TAG = tagProperties();

    private static JsonNode tagProperties() {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var properties = nodes.objectNode();
        properties.putObject("Key").put("required", true).putObject("type").put("type", "string");
        properties.putObject("Value").put("required", true).putObject("type").put("type", "string");
        return properties;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String brief(JsonNode value) {
        if (value == null) return "nothing";
        String text = value.toString();
        return text.length() > 100 ? text.substring(0, 97) + "..." : text;
    }
}
