package dev.awstestharness.harness.internal.declaration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.awstestharness.doubles.contract.DeclarationException;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.harness.internal.declaration.Declaration.Definition;
import dev.awstestharness.harness.internal.declaration.Declaration.KeyAttribute;
import dev.awstestharness.harness.internal.declaration.Declaration.StateMachineUnderTest;
import dev.awstestharness.harness.internal.declaration.Declaration.TableDeclaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TaskFamilyDeclaration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a template (YAML with CloudFormation's short-form tags, or JSON) into a {@link Declaration}. Every problem is a
 * {@link TemplateException} naming the file and the field.
 */
public final class DeclarationReader {
    public static final String SERVERLESS_STATE_MACHINE = "AWS::Serverless::StateMachine";
    public static final String STEP_FUNCTIONS_STATE_MACHINE = "AWS::StepFunctions::StateMachine";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateSource source;
    private final String file;

    private DeclarationReader(TemplateSource source) {
        this.source = source;
        this.file = source.name();
    }

    public static Declaration read(TemplateSource source) {
        return new DeclarationReader(source).read(source.read());
    }

    /** Reads template text (for tests); files it refers to are read relative to {@code source}. */
    public static Declaration read(TemplateSource source, String text) {
        return new DeclarationReader(source).read(text);
    }

    /** Parses template or definition text: JSON when it starts with '{' or '[', YAML otherwise. */
    public static JsonNode parse(String text, String name) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                var location = e.getLocation();
                throw new TemplateException(name + (location != null ? " line " + location.getLineNr() + ", column " + location.getColumnNr() : "")
                        + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return CfnYaml.parse(text, name);
    }

    private Declaration read(String text) {
        JsonNode template = parse(text, file);
        if (!template.isObject()) throw error("the template", "must be a mapping with Parameters and Resources, but is " + describe(template));

        JsonNode parameterSection = optionalObject(template, "Parameters", "Parameters");
        Map<String, String> parameterTypes = new LinkedHashMap<>();
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        parameterSection.properties().forEach(entry -> {
            String name = entry.getKey();
            String field = "Parameters." + name;
            JsonNode parameter = entry.getValue();
            if (!parameter.isObject()) throw error(field, "must be a mapping with Type (and Default), but is " + describe(parameter));
            String type = parameter.path("Type").asText("String");
            parameterTypes.put(name, type);
            if (name.startsWith("AWSTestHarness") && !Declaration.DOUBLE_PARAMETERS.contains(name)
                    && !GeneratedResources.SETTINGS_PARAMETERS.contains(name)) {
                throw error(field, "is not one of the parameters that declare test doubles: "
                        + String.join(", ", sorted(Declaration.DOUBLE_PARAMETERS)) + " (parameters starting with AWSTestHarness are reserved; "
                        + "the optional settings of the AWS target are "
                        + String.join(", ", sorted(GeneratedResources.SETTINGS_PARAMETERS)) + ")");
            }
            if (Declaration.DOUBLE_PARAMETERS.contains(name)) return;
            JsonNode defaultValue = parameter.get("Default");
            if (defaultValue == null) return;
            parameters.put(name, isList(type) ? list(defaultValue, field + ".Default") : defaultValue);
        });

        DoublesDeclaration doubles = doubles(parameterSection);
        List<String> lambdaFunctions = doubles.lambdaFunctions();
        List<String> stateMachines = doubles.stateMachines();
        List<String> s3Buckets = doubles.s3Buckets();
        Map<String, TableDeclaration> tables = new LinkedHashMap<>();
        doubles.dynamoDbTables().forEach((name, table) -> tables.put(name, table(table)));
        Map<String, TaskFamilyDeclaration> families = new LinkedHashMap<>();
        doubles.ecsTaskFamilies().forEach((name, family) -> families.put(name, new TaskFamilyDeclaration(family.family(), family.containers())));

        Set<String> generated = GeneratedResources.logicalIds(doubles);

        JsonNode resources = optionalObject(template, "Resources", "Resources");
        Map<String, StateMachineUnderTest> underTest = new LinkedHashMap<>();
        Map<String, String> otherResources = new LinkedHashMap<>();
        resources.properties().forEach(entry -> {
            String logicalId = entry.getKey();
            String field = "Resources." + logicalId;
            JsonNode resource = entry.getValue();
            if (!resource.isObject()) throw error(field, "must be a mapping with Type and Properties, but is " + describe(resource));
            if (generated.contains(logicalId)) {
                throw error(field, "has the logical id of a resource the harness generates for the declared doubles; rename it");
            }
            if (parameterTypes.containsKey(logicalId)) throw error(field, "has the name of a parameter; logical ids must be unique");
            JsonNode type = resource.get("Type");
            if (type == null || !type.isTextual()) throw error(field + ".Type", "must be the resource type, e.g. " + SERVERLESS_STATE_MACHINE);
            if (type.asText().equals(SERVERLESS_STATE_MACHINE) || type.asText().equals(STEP_FUNCTIONS_STATE_MACHINE)) {
                underTest.put(logicalId, stateMachine(logicalId, type.asText(), resource));
            } else {
                otherResources.put(logicalId, type.asText());
            }
        });
        JsonNode mappings = optionalObject(template, "Mappings", "Mappings");
        return new Declaration(source, lambdaFunctions, stateMachines, s3Buckets, Collections.unmodifiableMap(tables),
                Collections.unmodifiableMap(families), Collections.unmodifiableMap(parameters), Collections.unmodifiableMap(parameterTypes),
                Collections.unmodifiableMap(underTest), Collections.unmodifiableMap(otherResources), mappings);
    }

    private StateMachineUnderTest stateMachine(String logicalId, String resourceType, JsonNode resource) {
        boolean serverless = resourceType.equals(SERVERLESS_STATE_MACHINE);
        String base = "Resources." + logicalId + ".Properties";
        JsonNode properties = resource.get("Properties");
        if (properties == null || !properties.isObject()) throw error(base, "must be a mapping with the state machine's definition");

        String typeProperty = serverless ? "Type" : "StateMachineType";
        String type = "STANDARD";
        JsonNode typeValue = properties.get(typeProperty);
        if (typeValue != null) {
            if (!typeValue.isTextual() || !(typeValue.asText().equals("STANDARD") || typeValue.asText().equals("EXPRESS"))) {
                throw error(base + "." + typeProperty, "must be STANDARD or EXPRESS (written out), but is " + describe(typeValue));
            }
            type = typeValue.asText();
        }

        List<String> definitionProperties = serverless ? List.of("DefinitionUri", "Definition")
                : List.of("Definition", "DefinitionString", "DefinitionS3Location");
        List<String> given = definitionProperties.stream().filter(properties::has).toList();
        if (given.isEmpty()) {
            throw error(base, "has no definition: give " + String.join(" or ", definitionProperties.subList(0, 2)));
        }
        if (given.size() > 1) throw error(base, "gives " + String.join(" and ", given) + "; give exactly one of them");
        String property = given.get(0);
        String field = base + "." + property;
        JsonNode value = properties.get(property);
        Definition definition;
        switch (property) {
            case "DefinitionUri" -> {
                if (!value.isTextual()) {
                    throw error(field, "must be the path of the definition file relative to the template; an S3 location ("
                            + describe(value) + ") cannot be read by the local target");
                }
                definition = new Definition(property, value.asText(), source.readRelative(value.asText(), field), null);
            }
            case "DefinitionS3Location" -> throw error(field, "is an S3 location, which the local target cannot read; use Definition or "
                    + "DefinitionString (or an AWS::Serverless::StateMachine with DefinitionUri, a path relative to the template)");
            case "Definition" -> {
                if (!value.isObject()) throw error(field, "must be the definition as a mapping (States, StartAt, ...), but is " + describe(value));
                definition = new Definition(property, null, null, value);
            }
            default -> {
                if (!value.isTextual() && !value.isObject()) throw error(field, "must be the definition as a JSON string, but is " + describe(value));
                definition = new Definition(property, null, null, value);
            }
        }

        JsonNode substitutions = properties.get("DefinitionSubstitutions");
        if (substitutions == null) substitutions = JsonNodeFactory.instance.objectNode();
        else if (!substitutions.isObject()) {
            throw error(base + ".DefinitionSubstitutions", "must be a mapping of placeholder names to values, but is " + describe(substitutions));
        }
        JsonNode name = properties.get(serverless ? "Name" : "StateMachineName");
        return new StateMachineUnderTest(logicalId, resourceType, type, name, definition, substitutions);
    }

    /** The doubles the five parameters' defaults declare, parsed and checked as the macro parses the stack's values. */
    private DoublesDeclaration doubles(JsonNode parameters) {
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        for (String parameter : DoublesDeclaration.PARAMETERS) {
            JsonNode value = defaultOf(parameters, parameter);
            if (value != null) defaults.put(parameter, value);
        }
        try {
            return DoublesDeclaration.parse(defaults, parameter -> "Parameters." + parameter + ".Default");
        } catch (DeclarationException e) {
            throw new TemplateException(file + ": " + e.getMessage(), e);
        }
    }

    private static TableDeclaration table(DoublesDeclaration.Table table) {
        return new TableDeclaration(table.name(), key(table.partitionKey()), table.sortKey() == null ? null : key(table.sortKey()));
    }

    private static KeyAttribute key(DoublesDeclaration.KeyAttribute key) {
        return new KeyAttribute(key.name(), key.type());
    }

    private JsonNode defaultOf(JsonNode parameters, String parameter) {
        JsonNode declaration = parameters.get(parameter);
        if (declaration == null) return null;
        JsonNode value = declaration.get("Default");
        if (value == null) {
            throw error("Parameters." + parameter, "has no Default; the local target deploys the doubles the defaults declare "
                    + "(give an empty Default to declare none)");
        }
        return value;
    }

    private ArrayNode list(JsonNode value, String field) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) throw error(field, "must be a comma-separated list of names, but has " + item);
                list.add(item.asText().trim());
            }
            return list;
        }
        if (!value.isValueNode() || value.isNull()) throw error(field, "must be a comma-separated list, but is " + describe(value));
        String text = value.asText();
        if (text.isBlank()) return list;
        for (String item : text.split(",", -1)) list.add(item.trim());
        return list;
    }

    private JsonNode optionalObject(JsonNode parent, String property, String field) {
        JsonNode value = parent.get(property);
        if (value == null || value.isNull()) return JsonNodeFactory.instance.objectNode();
        if (!value.isObject()) throw error(field, "must be a mapping, but is " + describe(value));
        return value;
    }

    private static boolean isList(String type) {
        return type.equals("CommaDelimitedList") || type.startsWith("List<");
    }

    private TemplateException error(String field, String message) {
        return new TemplateException(file + ": " + field + ": " + message);
    }

    private TemplateException error(String field, String message, Throwable cause) {
        return new TemplateException(file + ": " + field + ": " + message, cause);
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) return "missing";
        String text = value.toString();
        if (text.length() > 120) text = text.substring(0, 117) + "...";
        String kind = value.isObject() ? "a mapping" : value.isArray() ? "a list" : value.isTextual() ? "the string" : value.isNumber() ? "the number"
                : value.isBoolean() ? "the boolean" : "";
        return kind.isEmpty() ? text : kind + " " + text;
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        Collections.sort(list);
        return list;
    }
}
