package dev.awstestharness.doubles.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The test doubles a template declares with the five {@code AWSTestHarness*} parameters: Lambda functions, state
 * machines and S3 buckets by name (comma-delimited lists), DynamoDB tables with their keys and ECS task families with
 * their containers (JSON objects). The harness reads them from the parameters' defaults, the
 * {@code AWSTestHarness-TestDoubles} macro from the stack's parameter values; both parse them with {@link #parse}, so
 * that both accept and reject exactly the same declarations with the same messages.
 *
 * <p>Rules: a double's name is 1 to 64 letters and digits (it becomes part of logical ids such as
 * {@code <Name>AWSTestHarnessLambdaFunction}) and is declared once per kind; a table has a {@code PartitionKey} and
 * optionally a {@code SortKey}, each {@code {"Name": ..., "Type": "S"|"N"|"B"}}; a task family has 1 to 10 distinct
 * containers named as ECS allows (letters, digits, {@code -} and {@code _}, up to 255).
 *
 * @param lambdaFunctions Lambda function doubles, in declared order
 * @param stateMachines state machine doubles, in declared order
 * @param s3Buckets S3 bucket doubles, in declared order
 * @param dynamoDbTables DynamoDB table doubles by name, in declared order
 * @param ecsTaskFamilies ECS task doubles by family, in declared order
 */
public record DoublesDeclaration(List<String> lambdaFunctions, List<String> stateMachines, List<String> s3Buckets,
        Map<String, Table> dynamoDbTables, Map<String, TaskFamily> ecsTaskFamilies) {

    public static final String LAMBDA_FUNCTIONS = "AWSTestHarnessLambdaFunctions";
    public static final String STATE_MACHINES = "AWSTestHarnessStateMachines";
    public static final String S3_BUCKETS = "AWSTestHarnessS3Buckets";
    public static final String DYNAMODB_TABLES = "AWSTestHarnessDynamoDBTables";
    public static final String ECS_TASK_FAMILIES = "AWSTestHarnessECSTaskFamilies";
    /** The five parameters that declare the doubles, in this order. */
    public static final List<String> PARAMETERS = List.of(LAMBDA_FUNCTIONS, STATE_MACHINES, S3_BUCKETS, DYNAMODB_TABLES, ECS_TASK_FAMILIES);

    static final String TABLES_EXAMPLE = "{\"Orders\": {\"PartitionKey\": {\"Name\": \"PK\", \"Type\": \"S\"}, \"SortKey\": {\"Name\": \"SK\", "
            + "\"Type\": \"S\"}}}";
    static final String FAMILIES_EXAMPLE = "{\"Worker\": {\"Containers\": [\"Main\", \"Sidecar\"]}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOUBLE_NAME = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");
    private static final int MAX_CONTAINERS = 10;

    /** A DynamoDB table double: its partition key and optional sort key ({@code null} when none). */
    public record Table(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
        public Table {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
        }
    }

    /** A key attribute: its name and type ({@code S}, {@code N} or {@code B}). */
    public record KeyAttribute(String name, String type) {
        public KeyAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** An ECS task double: its family (the declared name) and its containers, in order. */
    public record TaskFamily(String family, List<String> containers) {
        public TaskFamily {
            Objects.requireNonNull(family, "family");
            containers = List.copyOf(containers);
        }
    }

    public DoublesDeclaration {
        lambdaFunctions = List.copyOf(lambdaFunctions);
        stateMachines = List.copyOf(stateMachines);
        s3Buckets = List.copyOf(s3Buckets);
        dynamoDbTables = Collections.unmodifiableMap(new LinkedHashMap<>(dynamoDbTables));
        ecsTaskFamilies = Collections.unmodifiableMap(new LinkedHashMap<>(ecsTaskFamilies));
    }

    /** No doubles at all. */
    public static DoublesDeclaration none() {
        return new DoublesDeclaration(List.of(), List.of(), List.of(), Map.of(), Map.of());
    }

    /**
     * Parses the values of the five parameters, as the macro receives them ({@code templateParameterValues}): a missing
     * parameter declares no doubles of its kind. Problems name {@code parameter <Name>}.
     *
     * @throws DeclarationException naming the parameter and what was expected
     */
    public static DoublesDeclaration parse(Map<String, ? extends JsonNode> values) {
        return parse(values, parameter -> "parameter " + parameter);
    }

    /**
     * Parses the values of the five parameters (other entries of {@code values} are ignored; a missing one declares no
     * doubles of its kind). Lists are JSON arrays or comma-separated strings; tables and families JSON objects or
     * their JSON text (blank: none).
     *
     * @param fieldOf how messages name where a parameter's value is, e.g. {@code Parameters.<Name>.Default}
     * @throws DeclarationException naming the field and what was expected
     */
    public static DoublesDeclaration parse(Map<String, ? extends JsonNode> values, Function<String, String> fieldOf) {
        Parser parser = new Parser(fieldOf);
        return new DoublesDeclaration(
                parser.names(values.get(LAMBDA_FUNCTIONS), LAMBDA_FUNCTIONS),
                parser.names(values.get(STATE_MACHINES), STATE_MACHINES),
                parser.names(values.get(S3_BUCKETS), S3_BUCKETS),
                parser.tables(values.get(DYNAMODB_TABLES)),
                parser.families(values.get(ECS_TASK_FAMILIES)));
    }

    /** Starts a declaration in code; {@link Builder#build()} applies the same rules as {@link #parse}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether any double is declared at all. */
    public boolean declaresDoubles() {
        return !lambdaFunctions.isEmpty() || !stateMachines.isEmpty() || !s3Buckets.isEmpty() || !dynamoDbTables.isEmpty()
                || !ecsTaskFamilies.isEmpty();
    }

    /** The parameter values that declare exactly these doubles ({@code templateParameterValues} form). */
    public Map<String, JsonNode> parameterValues() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put(LAMBDA_FUNCTIONS, array(lambdaFunctions));
        values.put(STATE_MACHINES, array(stateMachines));
        values.put(S3_BUCKETS, array(s3Buckets));
        var tables = nodes.objectNode();
        dynamoDbTables.values().forEach(table -> {
            var json = tables.putObject(table.name());
            json.putObject("PartitionKey").put("Name", table.partitionKey().name()).put("Type", table.partitionKey().type());
            if (table.sortKey() != null) json.putObject("SortKey").put("Name", table.sortKey().name()).put("Type", table.sortKey().type());
        });
        values.put(DYNAMODB_TABLES, TextNode.valueOf(tables.toString()));
        var families = nodes.objectNode();
        ecsTaskFamilies.values().forEach(family -> family.containers().forEach(families.putObject(family.family()).putArray("Containers")::add));
        values.put(ECS_TASK_FAMILIES, TextNode.valueOf(families.toString()));
        return values;
    }

    private static ArrayNode array(List<String> names) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        names.forEach(array::add);
        return array;
    }

    /** Builds a declaration in code (for renderers and tests). */
    public static final class Builder {
        private final List<String> lambdaFunctions = new ArrayList<>();
        private final List<String> stateMachines = new ArrayList<>();
        private final List<String> s3Buckets = new ArrayList<>();
        private final Map<String, JsonNode> tables = new LinkedHashMap<>();
        private final Map<String, JsonNode> families = new LinkedHashMap<>();

        private Builder() {}

        public Builder lambdaFunctions(String... names) {
            lambdaFunctions.addAll(List.of(names));
            return this;
        }

        public Builder stateMachines(String... names) {
            stateMachines.addAll(List.of(names));
            return this;
        }

        public Builder s3Buckets(String... names) {
            s3Buckets.addAll(List.of(names));
            return this;
        }

        /** A table with a partition key of {@code partitionKeyType} ({@code S}, {@code N} or {@code B}) and no sort key. */
        public Builder dynamoDbTable(String name, String partitionKey, String partitionKeyType) {
            return dynamoDbTable(name, new KeyAttribute(partitionKey, partitionKeyType), null);
        }

        /** A table; {@code sortKey} may be {@code null}. */
        public Builder dynamoDbTable(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
            var table = JsonNodeFactory.instance.objectNode();
            table.putObject("PartitionKey").put("Name", partitionKey.name()).put("Type", partitionKey.type());
            if (sortKey != null) table.putObject("SortKey").put("Name", sortKey.name()).put("Type", sortKey.type());
            tables.put(name, table);
            return this;
        }

        public Builder ecsTaskFamily(String family, String... containers) {
            var json = JsonNodeFactory.instance.objectNode();
            List.of(containers).forEach(json.putArray("Containers")::add);
            families.put(family, json);
            return this;
        }

        /** @throws DeclarationException as {@link #parse} would for the same declaration */
        public DoublesDeclaration build() {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            values.put(LAMBDA_FUNCTIONS, array(lambdaFunctions));
            values.put(STATE_MACHINES, array(stateMachines));
            values.put(S3_BUCKETS, array(s3Buckets));
            var tableJson = JsonNodeFactory.instance.objectNode();
            tables.forEach(tableJson::set);
            values.put(DYNAMODB_TABLES, tableJson);
            var familyJson = JsonNodeFactory.instance.objectNode();
            families.forEach(familyJson::set);
            values.put(ECS_TASK_FAMILIES, familyJson);
            return parse(values);
        }
    }

    /** The parse of one declaration; every problem names its field. */
    private static final class Parser {
        private final Function<String, String> fieldOf;

        Parser(Function<String, String> fieldOf) {
            this.fieldOf = fieldOf;
        }

        List<String> names(JsonNode value, String parameter) {
            if (value == null) return List.of();
            String field = fieldOf.apply(parameter);
            List<String> names = new ArrayList<>();
            for (JsonNode item : list(value, field)) {
                String name = item.asText();
                checkDoubleName(name, field);
                if (names.contains(name)) throw new DeclarationException(field, "declares '" + name + "' twice");
                names.add(name);
            }
            return List.copyOf(names);
        }

        Map<String, Table> tables(JsonNode value) {
            Map<String, Table> tables = new LinkedHashMap<>();
            if (value == null) return tables;
            String field = fieldOf.apply(DYNAMODB_TABLES);
            jsonObject(value, field, TABLES_EXAMPLE).properties().forEach(entry -> {
                String name = entry.getKey();
                checkDoubleName(name, field);
                JsonNode table = entry.getValue();
                String tableField = field + " (table " + name + ")";
                if (!table.isObject()) throw new DeclarationException(tableField, "must be an object with PartitionKey (and SortKey), like " + TABLES_EXAMPLE);
                JsonNode partition = table.get("PartitionKey");
                if (partition == null) throw new DeclarationException(tableField, "has no PartitionKey; give it like " + TABLES_EXAMPLE);
                KeyAttribute partitionKey = key(partition, tableField + ".PartitionKey");
                KeyAttribute sortKey = table.has("SortKey") && !table.get("SortKey").isNull() ? key(table.get("SortKey"), tableField + ".SortKey")
                        : null;
                if (sortKey != null && sortKey.name().equals(partitionKey.name())) {
                    throw new DeclarationException(tableField, "uses '" + sortKey.name() + "' as both partition and sort key");
                }
                table.fieldNames().forEachRemaining(property -> {
                    if (!property.equals("PartitionKey") && !property.equals("SortKey")) {
                        throw new DeclarationException(tableField, "has the unknown property '" + property
                                + "'; a table has PartitionKey and optionally SortKey");
                    }
                });
                tables.put(name, new Table(name, partitionKey, sortKey));
            });
            return tables;
        }

        private KeyAttribute key(JsonNode key, String field) {
            if (!key.isObject() || !key.path("Name").isTextual() || key.path("Name").asText().isEmpty() || !key.path("Type").isTextual()) {
                throw new DeclarationException(field, "must be {\"Name\": \"...\", \"Type\": \"S\"|\"N\"|\"B\"}, but is " + key);
            }
            String type = key.get("Type").asText();
            if (!KEY_TYPES.contains(type)) throw new DeclarationException(field + ".Type", "must be S, N or B, but is '" + type + "'");
            return new KeyAttribute(key.get("Name").asText(), type);
        }

        Map<String, TaskFamily> families(JsonNode value) {
            Map<String, TaskFamily> families = new LinkedHashMap<>();
            if (value == null) return families;
            String field = fieldOf.apply(ECS_TASK_FAMILIES);
            jsonObject(value, field, FAMILIES_EXAMPLE).properties().forEach(entry -> {
                String family = entry.getKey();
                checkDoubleName(family, field);
                String familyField = field + " (task family " + family + ")";
                JsonNode containers = entry.getValue().get("Containers");
                if (!entry.getValue().isObject() || containers == null || !containers.isArray() || containers.isEmpty()) {
                    throw new DeclarationException(familyField, "must be an object with a non-empty Containers list, like " + FAMILIES_EXAMPLE);
                }
                if (containers.size() > MAX_CONTAINERS) {
                    throw new DeclarationException(familyField, "has " + containers.size() + " containers; an ECS task has at most " + MAX_CONTAINERS);
                }
                List<String> names = new ArrayList<>();
                for (JsonNode container : containers) {
                    String name = container.asText();
                    if (!container.isTextual() || !CONTAINER_NAME.matcher(name).matches()) {
                        throw new DeclarationException(familyField, "has the container name " + container
                                + "; container names are 1 to 255 letters, digits, '-' and '_'");
                    }
                    if (names.contains(name)) throw new DeclarationException(familyField, "declares the container '" + name + "' twice");
                    names.add(name);
                }
                families.put(family, new TaskFamily(family, names));
            });
            return families;
        }

        private static JsonNode jsonObject(JsonNode value, String field, String example) {
            JsonNode json = value;
            if (value.isTextual()) {
                if (value.asText().isBlank()) return JsonNodeFactory.instance.objectNode();
                try {
                    json = JSON.readTree(value.asText());
                } catch (JsonProcessingException e) {
                    throw new DeclarationException(field, "is not valid JSON: " + e.getOriginalMessage() + " (at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + " of the value); write it like " + example, e);
                }
            }
            if (json == null || !json.isObject()) throw new DeclarationException(field, "must be a JSON object like " + example + ", but is "
                    + describe(json));
            return json;
        }

        private static ArrayNode list(JsonNode value, String field) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    if (!item.isValueNode() || item.isNull()) throw new DeclarationException(field, "must be a comma-separated list of names, but has "
                            + item);
                    String text = item.asText().trim();
                    // CloudFormation passes an empty CommaDelimitedList as [""]: no names.
                    if (text.isEmpty() && value.size() == 1) return list;
                    list.add(text);
                }
                return list;
            }
            if (!value.isValueNode() || value.isNull()) throw new DeclarationException(field, "must be a comma-separated list, but is " + describe(value));
            String text = value.asText();
            if (text.isBlank()) return list;
            for (String item : text.split(",", -1)) list.add(item.trim());
            return list;
        }

        private static void checkDoubleName(String name, String field) {
            if (!DOUBLE_NAME.matcher(name).matches()) {
                throw new DeclarationException(field, "declares '" + name + "', which is not a valid double name: use 1 to 64 letters and digits (it "
                        + "becomes part of logical ids such as " + name + "AWSTestHarnessLambdaFunction)");
            }
        }
    }

    /** A short description of a JSON value for messages: its kind and (shortened) text. */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) return "missing";
        String text = value.toString();
        if (text.length() > 120) text = text.substring(0, 117) + "...";
        String kind = value.isObject() ? "a mapping" : value.isArray() ? "a list" : value.isTextual() ? "the string" : value.isNumber() ? "the number"
                : value.isBoolean() ? "the boolean" : "";
        return kind.isEmpty() ? text : kind + " " + text;
    }
}
