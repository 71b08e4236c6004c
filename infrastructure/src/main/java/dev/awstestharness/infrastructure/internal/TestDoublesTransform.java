package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DeclarationException;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.infrastructure.InvalidTemplateException;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code AWSTestHarness-TestDoubles} transform: merges what {@link TestDoublesGenerator} generates for the
 * declared doubles into a template. The macro applies it to the fragment CloudFormation sends ({@link #apply}); the
 * offline renderer to a template file, first taking the transform's entry out of {@code Transform} ({@link #offline}).
 */
public final class TestDoublesTransform {
    /** CloudFormation's quotas per template. */
    static final int MAX_RESOURCES = 500;
    static final int MAX_OUTPUTS = 200;
    static final int MAX_PARAMETERS = 200;
    static final String FORMAT_VERSION = "2010-09-09";

    private TestDoublesTransform() {}

    /** A template with only the generated parts. */
    public static ObjectNode standalone(DoublesDeclaration declaration, TestDoublesSettings settings) {
        String description = "aws-test-harness: the test doubles " + summary(declaration);
        // CloudFormation's limit for a template's description
        if (description.length() > 1024) description = description.substring(0, 1021) + "...";
        ObjectNode template = Cfn.object().put("AWSTemplateFormatVersion", FORMAT_VERSION).put("Description", description);
        return merge(template, declaration, settings, "the test-doubles stack", GeneratedResources.SETTINGS_PARAMETERS);
    }

    /**
     * Applies the transform to a template file: removes {@code settings.macroName()} from its {@code Transform} (keeping
     * the others) and declares the doubles of its parameters' defaults overridden by {@code overrides}.
     */
    public static ObjectNode offline(JsonNode template, Map<String, ? extends JsonNode> overrides, TestDoublesSettings settings, String source) {
        if (!(template instanceof ObjectNode object)) {
            throw new InvalidTemplateException(source + ": must be a mapping with Parameters and Resources, but is " + DoublesDeclaration.describe(template));
        }
        ObjectNode fragment = object.deepCopy();
        removeTransform(fragment, settings.macroName(), source);
        JsonNode parameters = fragment.path("Parameters");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        parameters.properties().forEach(entry -> {
            JsonNode value = entry.getValue().get("Default");
            if (value != null) values.put(entry.getKey(), value);
        });
        overrides.forEach((name, value) -> {
            if (!parameters.has(name)) {
                throw new InvalidTemplateException(source + ": the parameter value for " + name + " was given, but the template declares no such "
                        + "parameter; it declares " + new TreeSet<>(names(parameters)));
            }
            values.put(name, value);
        });
        return apply(fragment, values, settings, source, name -> overrides.containsKey(name) ? "parameter " + name + " (value given)"
                : "Parameters." + name + ".Default");
    }

    /**
     * What the macro does: {@code fragment} (a template without its {@code Transform}) with the generated parameters,
     * conditions, resources and outputs merged in, for the doubles that {@code parameterValues} declare.
     *
     * @param source names the template in messages
     * @throws InvalidTemplateException naming the parameter or logical id at fault and what was expected
     */
    public static ObjectNode apply(ObjectNode fragment, Map<String, ? extends JsonNode> parameterValues, TestDoublesSettings settings,
            String source) {
        return apply(fragment, parameterValues, settings, source, name -> "parameter " + name);
    }

    private static ObjectNode apply(ObjectNode fragment, Map<String, ? extends JsonNode> parameterValues, TestDoublesSettings settings,
            String source, Function<String, String> fieldOf) {
        ObjectNode template = fragment.deepCopy();
        checkSection(template, "Parameters", source);
        checkSection(template, "Resources", source);
        checkSection(template, "Outputs", source);
        checkSection(template, "Conditions", source);
        for (String parameter : names(template.path("Parameters"))) {
            if (parameter.startsWith(GeneratedResources.PREFIX) && !DoublesDeclaration.PARAMETERS.contains(parameter)
                    && !GeneratedResources.SETTINGS_PARAMETERS.contains(parameter)) {
                throw new InvalidTemplateException(source + ": Parameters." + parameter + ": is not one of the parameters that declare test doubles: "
                        + String.join(", ", new TreeSet<>(DoublesDeclaration.PARAMETERS)) + " (parameters starting with " + GeneratedResources.PREFIX
                        + " are reserved; the optional settings are " + String.join(", ", new TreeSet<>(GeneratedResources.SETTINGS_PARAMETERS)) + ")");
            }
        }
        Map<String, JsonNode> declaring = new LinkedHashMap<>();
        for (String parameter : DoublesDeclaration.PARAMETERS) {
            JsonNode value = parameterValues.get(parameter);
            if (value != null) declaring.put(parameter, value);
        }
        DoublesDeclaration declaration;
        try {
            declaration = DoublesDeclaration.parse(declaring, fieldOf);
        } catch (DeclarationException e) {
            throw new InvalidTemplateException(source + ": " + e.getMessage(), e);
        }
        Set<String> givenSettings = new TreeSet<>(names(template.path("Parameters")));
        givenSettings.retainAll(GeneratedResources.SETTINGS_PARAMETERS);
        return merge(template, declaration, settings, source, givenSettings);
    }

    private static ObjectNode merge(ObjectNode template, DoublesDeclaration declaration, TestDoublesSettings settings, String source,
            Set<String> givenSettings) {
        GeneratedTemplate generated = TestDoublesGenerator.generate(declaration, settings, givenSettings);
        boolean ecs = !declaration.ecsTaskFamilies().isEmpty();
        if (ecs && givenSettings.contains(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER)) ClusterReferences.rewrite(template);

        ObjectNode parameters = section(template, "Parameters");
        ObjectNode resources = section(template, "Resources");
        for (String name : names(generated.parameters())) {
            // The template's own declaration of a settings parameter stays (a stand-alone stack declares them all).
            if (!parameters.has(name)) parameters.set(name, generated.parameters().get(name));
        }
        if (ecs) {
            for (String name : new TreeSet<>(GeneratedResources.SETTINGS_PARAMETERS)) {
                if (resources.has(name)) {
                    throw new InvalidTemplateException(source + ": Resources." + name + ": the template declares '" + name + "', the name of a "
                            + "parameter that sets where the " + settings.macroName() + " transform's ECS task doubles run; rename it");
                }
            }
        }
        for (String name : names(generated.resources())) {
            if (parameters.has(name)) throw conflict(source, "Parameters", name, generated, settings);
        }
        add(section(template, "Conditions"), generated.conditions(), "Conditions", generated, settings, source);
        add(resources, generated.resources(), "Resources", generated, settings, source);
        add(section(template, "Outputs"), generated.outputs(), "Outputs", generated, settings, source);

        quota(source, "Resources", resources.size(), MAX_RESOURCES, declaration);
        quota(source, "Outputs", template.get("Outputs").size(), MAX_OUTPUTS, declaration);
        quota(source, "Parameters", parameters.size(), MAX_PARAMETERS, declaration);
        for (String section : List.of("Parameters", "Conditions", "Outputs")) {
            if (template.get(section).isEmpty()) template.remove(section);
        }
        return template;
    }

    private static void add(ObjectNode target, ObjectNode additions, String section, GeneratedTemplate generated, TestDoublesSettings settings,
            String source) {
        for (String name : names(additions)) {
            if (target.has(name)) throw conflict(source, section, name, generated, settings);
            target.set(name, additions.get(name));
        }
    }

    private static InvalidTemplateException conflict(String source, String section, String name, GeneratedTemplate generated,
            TestDoublesSettings settings) {
        return new InvalidTemplateException(source + ": " + section + "." + name + ": the template declares '" + name + "', which the "
                + settings.macroName() + " transform generates (" + generated.purpose(name) + "); rename it");
    }

    private static void quota(String source, String section, int count, int max, DoublesDeclaration declaration) {
        if (count > max) {
            throw new InvalidTemplateException(source + ": " + section + ": with the generated ones the template has " + count + " entries; "
                    + "CloudFormation allows " + max + ". Declare fewer doubles (" + summary(declaration) + ") or split the template");
        }
    }

    private static void removeTransform(ObjectNode template, String macroName, String source) {
        JsonNode transform = template.get("Transform");
        List<JsonNode> entries = new ArrayList<>();
        if (transform == null) {
            throw new InvalidTemplateException(source + ": Transform: the template has none; add " + macroName + " (before "
                    + "AWS::Serverless-2016-10-31 when it uses SAM), so that CloudFormation creates the test doubles");
        }
        if (transform.isArray()) transform.forEach(entries::add);
        else entries.add(transform);
        List<JsonNode> others = entries.stream().filter(entry -> !(entry.isTextual() && entry.asText().equals(macroName))).toList();
        if (others.size() == entries.size()) {
            throw new InvalidTemplateException(source + ": Transform: does not name " + macroName + ", the transform being rendered (it names "
                    + transform + ")");
        }
        if (others.isEmpty()) {
            template.remove("Transform");
        } else if (others.size() == 1) {
            template.set("Transform", others.get(0));
        } else {
            ArrayNode array = Cfn.NODES.arrayNode();
            others.forEach(array::add);
            template.set("Transform", array);
        }
    }

    private static void checkSection(ObjectNode template, String section, String source) {
        JsonNode value = template.get(section);
        if (value != null && !value.isObject() && !value.isNull()) {
            throw new InvalidTemplateException(source + ": " + section + ": must be a mapping, but is " + DoublesDeclaration.describe(value));
        }
    }

    private static ObjectNode section(ObjectNode template, String name) {
        JsonNode section = template.get(name);
        if (section instanceof ObjectNode object) return object;
        return template.putObject(name);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String summary(DoublesDeclaration declaration) {
        List<String> parts = new ArrayList<>();
        if (!declaration.lambdaFunctions().isEmpty()) parts.add("Lambda functions " + String.join(", ", declaration.lambdaFunctions()));
        if (!declaration.stateMachines().isEmpty()) parts.add("state machines " + String.join(", ", declaration.stateMachines()));
        if (!declaration.s3Buckets().isEmpty()) parts.add("S3 buckets " + String.join(", ", declaration.s3Buckets()));
        if (!declaration.dynamoDbTables().isEmpty()) parts.add("DynamoDB tables " + String.join(", ", declaration.dynamoDbTables().keySet()));
        if (!declaration.ecsTaskFamilies().isEmpty()) parts.add("ECS task families " + String.join(", ", declaration.ecsTaskFamilies().keySet()));
        return parts.isEmpty() ? "(none declared)" : String.join("; ", parts);
    }
}
