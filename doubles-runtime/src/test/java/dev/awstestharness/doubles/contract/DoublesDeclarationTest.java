package dev.awstestharness.doubles.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration.KeyAttribute;
import dev.awstestharness.doubles.contract.DoublesDeclaration.Table;
import dev.awstestharness.doubles.contract.DoublesDeclaration.TaskFamily;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declaration of doubles that the harness (from defaults) and the macro (from parameter values) both parse. */
class DoublesDeclarationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void parsesListsAsCommaSeparatedTextOrArraysAndTablesAndFamiliesAsJsonTextOrObjects() throws Exception {
        DoublesDeclaration declaration = DoublesDeclaration.parse(Map.of(
                DoublesDeclaration.LAMBDA_FUNCTIONS, TextNode.valueOf("First, Second"),
                DoublesDeclaration.STATE_MACHINES, json("[\"Flow\"]"),
                DoublesDeclaration.S3_BUCKETS, TextNode.valueOf(""),
                DoublesDeclaration.DYNAMODB_TABLES, TextNode.valueOf("{\"Orders\": {\"PartitionKey\": {\"Name\": \"PK\", \"Type\": \"S\"}, "
                        + "\"SortKey\": {\"Name\": \"SK\", \"Type\": \"N\"}}}"),
                DoublesDeclaration.ECS_TASK_FAMILIES, json("{\"Worker\": {\"Containers\": [\"Main\", \"side-car_1\"]}}")));
        assertThat(declaration.lambdaFunctions()).containsExactly("First", "Second");
        assertThat(declaration.stateMachines()).containsExactly("Flow");
        assertThat(declaration.s3Buckets()).isEmpty();
        assertThat(declaration.dynamoDbTables()).containsExactly(Map.entry("Orders", new Table("Orders", new KeyAttribute("PK", "S"),
                new KeyAttribute("SK", "N"))));
        assertThat(declaration.ecsTaskFamilies()).containsExactly(Map.entry("Worker", new TaskFamily("Worker", List.of("Main", "side-car_1"))));
        assertThat(declaration.declaresDoubles()).isTrue();
    }

    @Test
    void anEmptyCommaDelimitedListAsCloudFormationPassesItDeclaresNothing() throws Exception {
        DoublesDeclaration declaration = DoublesDeclaration.parse(Map.of(DoublesDeclaration.LAMBDA_FUNCTIONS, json("[\"\"]")));
        assertThat(declaration.declaresDoubles()).isFalse();
        assertThat(DoublesDeclaration.parse(Map.of())).isEqualTo(DoublesDeclaration.none());
    }

    @Test
    void problemsNameTheParameterAndWhatWasExpected() {
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.S3_BUCKETS, TextNode.valueOf("Good,not-good"))))
                .isInstanceOf(DeclarationException.class)
                .hasMessage("parameter AWSTestHarnessS3Buckets: declares 'not-good', which is not a valid double name: use 1 to 64 letters and digits "
                        + "(it becomes part of logical ids such as not-goodAWSTestHarnessLambdaFunction)")
                .satisfies(e -> assertThat(((DeclarationException) e).field()).isEqualTo("parameter AWSTestHarnessS3Buckets"));
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.STATE_MACHINES, TextNode.valueOf("A,A"))))
                .hasMessage("parameter AWSTestHarnessStateMachines: declares 'A' twice");
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.DYNAMODB_TABLES, TextNode.valueOf("{\"T\": {"))))
                .hasMessageStartingWith("parameter AWSTestHarnessDynamoDBTables: is not valid JSON: ")
                .hasMessageEndingWith("write it like " + DoublesDeclaration.TABLES_EXAMPLE);
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.DYNAMODB_TABLES,
                TextNode.valueOf("{\"T\": {\"PartitionKey\": {\"Name\": \"K\", \"Type\": \"S\"}, \"SortKey\": {\"Name\": \"K\", \"Type\": \"S\"}}}"))))
                .hasMessage("parameter AWSTestHarnessDynamoDBTables (table T): uses 'K' as both partition and sort key");
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.DYNAMODB_TABLES,
                TextNode.valueOf("{\"T\": {\"PartitionKey\": {\"Name\": \"K\", \"Type\": \"S\"}, \"Index\": 1}}"))))
                .hasMessage("parameter AWSTestHarnessDynamoDBTables (table T): has the unknown property 'Index'; a table has PartitionKey and "
                        + "optionally SortKey");
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.ECS_TASK_FAMILIES,
                TextNode.valueOf("{\"W\": {\"Containers\": [\"C\", \"C\"]}}"))))
                .hasMessage("parameter AWSTestHarnessECSTaskFamilies (task family W): declares the container 'C' twice");
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.ECS_TASK_FAMILIES,
                TextNode.valueOf("{\"W\": {\"Containers\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}}"))))
                .hasMessage("parameter AWSTestHarnessECSTaskFamilies (task family W): has 11 containers; an ECS task has at most 10");
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.ECS_TASK_FAMILIES, TextNode.valueOf("[1]"))))
                .hasMessage("parameter AWSTestHarnessECSTaskFamilies: must be a JSON object like " + DoublesDeclaration.FAMILIES_EXAMPLE
                        + ", but is a list [1]");
    }

    @Test
    void theFieldNamingIsTheCallersChoice() {
        assertThatThrownBy(() -> DoublesDeclaration.parse(Map.of(DoublesDeclaration.S3_BUCKETS, TextNode.valueOf("A,A")),
                parameter -> "Parameters." + parameter + ".Default"))
                .hasMessage("Parameters.AWSTestHarnessS3Buckets.Default: declares 'A' twice");
    }

    @Test
    void theBuilderAppliesTheSameRulesAndTheParameterValuesDeclareTheSameDoubles() {
        DoublesDeclaration declaration = DoublesDeclaration.builder().lambdaFunctions("L").stateMachines("M").s3Buckets("B")
                .dynamoDbTable("T", new KeyAttribute("PK", "B"), null).ecsTaskFamily("F", "One", "Two").build();
        assertThat(DoublesDeclaration.parse(declaration.parameterValues())).isEqualTo(declaration);
        assertThatThrownBy(() -> DoublesDeclaration.builder().dynamoDbTable("T", "K", "X").build())
                .hasMessage("parameter AWSTestHarnessDynamoDBTables (table T).PartitionKey.Type: must be S, N or B, but is 'X'");
    }

    @Test
    void theGeneratedLogicalIdsAreTheSharedOnesAndOnePerDouble() {
        DoublesDeclaration declaration = DoublesDeclaration.builder().lambdaFunctions("L").ecsTaskFamily("F", "C").build();
        assertThat(GeneratedResources.logicalIds(declaration)).containsAll(GeneratedResources.SHARED)
                .contains("LAWSTestHarnessLambdaFunction", "FAWSTestHarnessECSTaskDefinition")
                .hasSize(GeneratedResources.SHARED.size() + 2);
    }
}
