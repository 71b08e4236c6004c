package dev.awstestharness.harness.internal.declaration;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.harness.internal.declaration.Declaration.KeyAttribute;
import dev.awstestharness.harness.internal.declaration.Declaration.TableDeclaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TaskFamilyDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationReaderTest {
    @TempDir
    Path directory;

    @Test
    void readsTheDoublesTheParametersAndTheStateMachinesUnderTest() {
        Declaration declaration = DeclarationReader.read(TemplateSource.locate("harness-test/template.yaml", directory,
                getClass().getClassLoader()));

        assertThat(declaration.lambdaFunctions()).containsExactly("Alpha", "Beta");
        assertThat(declaration.stateMachines()).containsExactly("Alpha", "Beta");
        assertThat(declaration.s3Buckets()).containsExactly("Alpha", "Beta");
        assertThat(declaration.dynamoDbTables()).containsExactly(
                java.util.Map.entry("Alpha", new TableDeclaration("Alpha", new KeyAttribute("PK", "S"), new KeyAttribute("SK", "N"))),
                java.util.Map.entry("Beta", new TableDeclaration("Beta", new KeyAttribute("ID", "S"), null)));
        assertThat(declaration.ecsTaskFamilies().values()).containsExactly(new TaskFamilyDeclaration("Alpha", List.of("Red", "Green")),
                new TaskFamilyDeclaration("Beta", List.of("Solo")));
        assertThat(declaration.parameters()).containsEntry("Subnets", json("[\"subnet-1\", \"subnet-2\"]"));
        assertThat(declaration.stateMachinesUnderTest().keySet()).containsExactly("Tiny", "Echo");
        var tiny = declaration.stateMachinesUnderTest().get("Tiny");
        assertThat(tiny.type()).isEqualTo("STANDARD");
        assertThat(tiny.definition().property()).isEqualTo("DefinitionUri");
        assertThat(tiny.definition().fileText()).contains("\"StartAt\": \"Route\"");
        assertThat(tiny.substitutions().get("AlphaFunctionArn")).isEqualTo(json("{\"Fn::GetAtt\": [\"AlphaAWSTestHarnessLambdaFunction\", \"Arn\"]}"));
        var echo = declaration.stateMachinesUnderTest().get("Echo");
        assertThat(echo.type()).isEqualTo("EXPRESS");
        assertThat(echo.definition().property()).isEqualTo("DefinitionString");
        assertThat(declaration.otherResources()).containsEntry("EchoRole", "AWS::IAM::Role");
    }

    @Test
    void readsJsonTemplates() throws IOException {
        Declaration declaration = read("template.json", """
                {"Parameters": {"AWSTestHarnessLambdaFunctions": {"Type": "CommaDelimitedList", "Default": "One, Two"}},
                 "Resources": {"Machine": {"Type": "AWS::StepFunctions::StateMachine",
                   "Properties": {"Definition": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}}}}}
                """);

        assertThat(declaration.lambdaFunctions()).containsExactly("One", "Two");
        assertThat(declaration.stateMachines()).isEmpty();
        assertThat(declaration.stateMachinesUnderTest().get("Machine").definition().value().get("StartAt").asText()).isEqualTo("A");
    }

    @Test
    void aMissingDefinitionFileNamesTheTemplateTheFieldAndThePath() {
        assertThatThrownBy(() -> read("template.yaml", """
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: statemachine/missing.asl.json
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(directory.resolve("template.yaml") + ": Resources.Machine.Properties.DefinitionUri: the file "
                        + "'statemachine/missing.asl.json' does not exist (looked for " + directory.resolve("statemachine/missing.asl.json"));
    }

    @Test
    void badJsonInTheTablesParameterNamesTheField() {
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessDynamoDBTables:
                    Type: String
                    Default: '{"Orders": {"PartitionKey": {"Name": "PK", "Type": "S"}}'
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(directory.resolve("template.yaml") + ": Parameters.AWSTestHarnessDynamoDBTables.Default: is not valid JSON: ")
                .hasMessageContaining("write it like {\"Orders\": {\"PartitionKey\"");
    }

    @Test
    void aKeyTypeOtherThanSNOrBIsNamed() {
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessDynamoDBTables:
                    Type: String
                    Default: '{"Orders": {"PartitionKey": {"Name": "PK", "Type": "STRING"}}}'
                """))
                .hasMessageEndingWith("Parameters.AWSTestHarnessDynamoDBTables.Default (table Orders).PartitionKey.Type: must be S, N or B, "
                        + "but is 'STRING'");
    }

    @Test
    void familiesNeedContainers() {
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessECSTaskFamilies:
                    Type: String
                    Default: '{"Worker": {"Containers": []}}'
                """))
                .hasMessageContaining("Parameters.AWSTestHarnessECSTaskFamilies.Default (task family Worker): must be an object with a "
                        + "non-empty Containers list");
    }

    @Test
    void doubleNamesAreLettersAndDigits() {
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessS3Buckets: {Type: CommaDelimitedList, Default: "good,not-good"}
                """))
                .hasMessageContaining("Parameters.AWSTestHarnessS3Buckets.Default: declares 'not-good', which is not a valid double name");
    }

    @Test
    void aDoubleParameterWithoutDefaultAndAMisspelledOneAreNamed() {
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessStateMachines: {Type: CommaDelimitedList}
                """))
                .hasMessageContaining("Parameters.AWSTestHarnessStateMachines: has no Default");
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessLambdaFunction: {Type: CommaDelimitedList, Default: "A"}
                """))
                .hasMessageContaining("Parameters.AWSTestHarnessLambdaFunction: is not one of the parameters that declare test doubles");
    }

    @Test
    void stateMachinesNeedExactlyOneDefinitionAndAKnownType() {
        assertThatThrownBy(() -> read("template.yaml", """
                Resources:
                  Machine: {Type: AWS::StepFunctions::StateMachine, Properties: {RoleArn: x}}
                """))
                .hasMessageEndingWith("Resources.Machine.Properties: has no definition: give Definition or DefinitionString");
        assertThatThrownBy(() -> read("template.yaml", """
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties: {Type: FAST, Definition: {StartAt: A, States: {A: {Type: Succeed}}}}
                """))
                .hasMessageEndingWith("Resources.Machine.Properties.Type: must be STANDARD or EXPRESS (written out), but is the string \"FAST\"");
    }

    @Test
    void aResourceCannotTakeTheNameOfAGeneratedOne() {
        assertThatThrownBy(() -> read("template.yaml", """
                Parameters:
                  AWSTestHarnessLambdaFunctions: {Type: CommaDelimitedList, Default: "First"}
                Resources:
                  FirstAWSTestHarnessLambdaFunction: {Type: AWS::Lambda::Function}
                """))
                .hasMessageContaining("Resources.FirstAWSTestHarnessLambdaFunction: has the logical id of a resource the harness generates");
    }

    @Test
    void theAwsTargetsOptionalSettingsAreOrdinaryParametersLocally() throws IOException {
        Declaration declaration = read("template.yaml", """
                Parameters:
                  AWSTestHarnessECSTaskFamilies: {Type: String, Default: '{"W": {"Containers": ["C"]}}'}
                  AWSTestHarnessECSContainerArchitecture: {Type: String, Default: X86_64}
                  AWSTestHarnessExistingECSClusterArn: {Type: String, Default: ""}
                Resources:
                  Queue: {Type: AWS::SQS::Queue}
                """);

        assertThat(declaration.ecsTaskFamilies()).containsOnlyKeys("W");
        assertThat(declaration.parameters()).containsEntry("AWSTestHarnessECSContainerArchitecture", json("\"X86_64\""))
                .containsEntry("AWSTestHarnessExistingECSClusterArn", json("\"\""));
    }

    @Test
    void theResourcesOnlyTheAwsStackHasAreReservedToo() {
        assertThatThrownBy(() -> read("template.yaml", """
                Resources:
                  AWSTestHarnessLogGroup: {Type: AWS::Logs::LogGroup}
                """))
                .hasMessageContaining("Resources.AWSTestHarnessLogGroup: has the logical id of a resource the harness generates");
    }

    private Declaration read(String name, String text) throws IOException {
        Path template = directory.resolve(name);
        Files.writeString(template, text);
        return DeclarationReader.read(TemplateSource.of(template));
    }
}
