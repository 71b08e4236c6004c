package dev.awstestharness.infrastructure;

import static dev.awstestharness.infrastructure.TemplateTests.names;
import static dev.awstestharness.infrastructure.TemplateTests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.contract.GeneratedResources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transform applied offline to a user's template: what it removes, merges, rewrites and rejects. */
class TransformTest {
    private static final String HEADER = """
            Parameters:
              AWSTestHarnessLambdaFunctions: {Type: CommaDelimitedList, Default: "First"}
            Resources:
              Machine:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/machine
                  DefinitionString: "{}"
                  DefinitionSubstitutions:
                    First: !GetAtt FirstAWSTestHarnessLambdaFunction.Arn
            """;

    private static JsonNode render(String transform, String body) {
        return Templates.renderTransformed(yaml("Transform: " + transform + "\n" + body), Fixtures.SETTINGS, "template.yaml");
    }

    @Test
    void theTransformsEntryIsRemovedAndSamStays() {
        assertThat(render("[AWSTestHarness-TestDoubles, AWS::Serverless-2016-10-31]", HEADER).get("Transform"))
                .isEqualTo(TextNode.valueOf("AWS::Serverless-2016-10-31"));
        assertThat(render("AWSTestHarness-TestDoubles", HEADER).has("Transform")).isFalse();
        assertThat(render("[AWSTestHarness-TestDoubles]", HEADER).has("Transform")).isFalse();
        assertThat(render("[AWS::LanguageExtensions, AWSTestHarness-TestDoubles, AWS::Serverless-2016-10-31]", HEADER).get("Transform"))
                .isEqualTo(yaml("[AWS::LanguageExtensions, AWS::Serverless-2016-10-31]"));
    }

    @Test
    void theGeneratedResourcesAreMergedNextToTheTemplatesOwn() {
        JsonNode rendered = render("AWSTestHarness-TestDoubles", HEADER);
        assertThat(names(rendered.path("Resources"))).startsWith("Machine").contains("FirstAWSTestHarnessLambdaFunction",
                "AWSTestHarnessEventsQueue", "AWSTestHarnessLambdaFunctionRole");
        assertThat(rendered.at("/Resources/Machine/Properties/DefinitionSubstitutions/First")).isEqualTo(yaml("!GetAtt FirstAWSTestHarnessLambdaFunction.Arn"));
        // No ECS doubles, no ECS parameters.
        assertThat(rendered.has("Parameters") && names(rendered.path("Parameters")).stream().anyMatch(name -> name.contains("ECS"))).isFalse();
    }

    @Test
    void aPrefixedMacroNameIsTheOneRemoved() {
        TestDoublesSettings prefixed = Fixtures.SETTINGS.toBuilder().macroName("TeamAWSTestHarness-TestDoubles").build();
        JsonNode rendered = Templates.renderTransformed(yaml("Transform: [TeamAWSTestHarness-TestDoubles, AWS::Serverless-2016-10-31]\n" + HEADER),
                prefixed, "template.yaml");
        assertThat(rendered.get("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        assertThatThrownBy(() -> Templates.renderTransformed(yaml("Transform: AWSTestHarness-TestDoubles\n" + HEADER), prefixed, "template.yaml"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessage("template.yaml: Transform: does not name TeamAWSTestHarness-TestDoubles, the transform being rendered (it names "
                        + "\"AWSTestHarness-TestDoubles\")");
    }

    @Test
    void aTemplateWithoutTheTransformIsRejected() {
        assertThatThrownBy(() -> Templates.renderTransformed(yaml(HEADER), Fixtures.SETTINGS, "template.yaml"))
                .hasMessage("template.yaml: Transform: the template has none; add AWSTestHarness-TestDoubles (before AWS::Serverless-2016-10-31 when "
                        + "it uses SAM), so that CloudFormation creates the test doubles");
    }

    @Test
    void aResourceWithTheLogicalIdOfAGeneratedOneIsAnErrorNamingIt() {
        assertThatThrownBy(() -> render("AWSTestHarness-TestDoubles", HEADER + """
                  FirstAWSTestHarnessLambdaFunction:
                    Type: AWS::SQS::Queue
                """)).isInstanceOf(InvalidTemplateException.class)
                .hasMessage("template.yaml: Resources.FirstAWSTestHarnessLambdaFunction: the template declares 'FirstAWSTestHarnessLambdaFunction', "
                        + "which the AWSTestHarness-TestDoubles transform generates (the Lambda function double 'First'); rename it");
    }

    @Test
    void outputsConditionsAndParametersThatClashWithGeneratedOnesAreErrorsNamingThem() {
        assertThatThrownBy(() -> render("AWSTestHarness-TestDoubles", HEADER + """
                Outputs:
                  AWSTestHarnessEventsQueueUrl: {Value: x}
                """)).hasMessageContaining("template.yaml: Outputs.AWSTestHarnessEventsQueueUrl: the template declares 'AWSTestHarnessEventsQueueUrl'");
        String ecs = HEADER.replace("AWSTestHarnessLambdaFunctions: {Type: CommaDelimitedList, Default: \"First\"}",
                "AWSTestHarnessECSTaskFamilies: {Type: String, Default: '{\"W\": {\"Containers\": [\"C\"]}}'}\n"
                        + "  AWSTestHarnessExistingECSClusterArn: {Type: String, Default: ''}")
                .replace("!GetAtt FirstAWSTestHarnessLambdaFunction.Arn", "x");
        assertThatThrownBy(() -> render("AWSTestHarness-TestDoubles", ecs + """
                Conditions:
                  AWSTestHarnessCreateECSCluster: !Equals [a, a]
                """)).hasMessageContaining("Conditions.AWSTestHarnessCreateECSCluster: the template declares 'AWSTestHarnessCreateECSCluster', "
                + "which the AWSTestHarness-TestDoubles transform generates (whether the ECS cluster is created)");
        assertThatThrownBy(() -> render("AWSTestHarness-TestDoubles", ecs + """
                  AWSTestHarnessECSVpcId:
                    Type: AWS::SQS::Queue
                """)).hasMessageContaining("Resources.AWSTestHarnessECSVpcId: the template declares 'AWSTestHarnessECSVpcId', the name of a "
                + "parameter that sets where the AWSTestHarness-TestDoubles transform's ECS task doubles run; rename it");
    }

    @Test
    void aSettingsParameterTheTemplateDeclaresKeepsItsDeclarationAndIsReferredTo() {
        String ecs = """
                Parameters:
                  AWSTestHarnessECSTaskFamilies: {Type: String, Default: '{"W": {"Containers": ["C"]}}'}
                  AWSTestHarnessECSContainerArchitecture: {Type: String, Default: X86_64}
                  AWSTestHarnessECSAssignPublicIp: {Type: String, Default: DISABLED}
                Resources:
                  Queue: {Type: AWS::SQS::Queue}
                """;
        JsonNode rendered = render("AWSTestHarness-TestDoubles", ecs);
        assertThat(rendered.at("/Parameters/AWSTestHarnessECSContainerArchitecture")).isEqualTo(yaml("{Type: String, Default: X86_64}"));
        assertThat(rendered.at("/Resources/WAWSTestHarnessECSTaskDefinition/Properties/RuntimePlatform/CpuArchitecture"))
                .isEqualTo(yaml("{Ref: AWSTestHarnessECSContainerArchitecture}"));
        assertThat(rendered.at("/Outputs/AWSTestHarnessECSNetworkAssignPublicIp/Value")).isEqualTo(yaml("{Ref: AWSTestHarnessECSAssignPublicIp}"));
    }

    @Test
    void theTransformAddsNoParameterAndWritesInTheDefaultsOfTheSettingsTheTemplateLacks() {
        JsonNode rendered = render("AWSTestHarness-TestDoubles", """
                Parameters:
                  AWSTestHarnessECSTaskFamilies: {Type: String, Default: '{"W": {"Containers": ["C"]}}'}
                Resources:
                  Queue: {Type: AWS::SQS::Queue}
                """);

        assertThat(names(rendered.path("Parameters"))).containsExactly("AWSTestHarnessECSTaskFamilies");
        assertThat(rendered.at("/Resources/WAWSTestHarnessECSTaskDefinition/Properties/RuntimePlatform/CpuArchitecture").asText()).isEqualTo("ARM64");
        assertThat(rendered.at("/Outputs/AWSTestHarnessECSNetworkAssignPublicIp/Value").asText()).isEqualTo("ENABLED");
        // no existing cluster can be given, so the cluster is always created and nothing depends on a condition
        assertThat(rendered.at("/Resources/AWSTestHarnessECSCluster").has("Condition")).isFalse();
        assertThat(rendered.at("/Outputs/AWSTestHarnessECSClusterArn/Value")).isEqualTo(yaml("{Fn::GetAtt: [AWSTestHarnessECSCluster, Arn]}"));
        // no VPC, subnets or security groups can be given: no security group, no network outputs, no conditions at all
        assertThat(rendered.path("Resources").has("AWSTestHarnessECSSecurityGroup")).isFalse();
        assertThat(rendered.path("Outputs").has("AWSTestHarnessECSNetworkSubnets")).isFalse();
        assertThat(rendered.path("Outputs").has("AWSTestHarnessECSNetworkSecurityGroups")).isFalse();
        assertThat(rendered.has("Conditions")).isFalse();
    }

    @Test
    void withAVpcButNoSecurityGroupParameterTheCreatedGroupIsTheOutput() {
        JsonNode rendered = render("AWSTestHarness-TestDoubles", """
                Parameters:
                  AWSTestHarnessECSTaskFamilies: {Type: String, Default: '{"W": {"Containers": ["C"]}}'}
                  AWSTestHarnessECSVpcId: {Type: String, Default: vpc-0123456789abcdef0}
                Resources:
                  Queue: {Type: AWS::SQS::Queue}
                """);

        assertThat(rendered.at("/Resources/AWSTestHarnessECSSecurityGroup/Condition").asText()).isEqualTo("AWSTestHarnessCreateECSSecurityGroup");
        assertThat(rendered.at("/Outputs/AWSTestHarnessECSNetworkSecurityGroups")).isEqualTo(yaml("""
                Description: The security groups of the ECS task doubles, comma-separated
                Value: {Fn::GetAtt: [AWSTestHarnessECSSecurityGroup, GroupId]}
                Condition: AWSTestHarnessCreateECSSecurityGroup
                """));
        TemplateEvaluator withVpc = new TemplateEvaluator(rendered, Map.of());
        assertThat(withVpc.exists("AWSTestHarnessECSSecurityGroup")).isTrue();
        TemplateEvaluator withoutVpc = new TemplateEvaluator(rendered, Map.of("AWSTestHarnessECSVpcId", ""));
        assertThat(withoutVpc.exists("AWSTestHarnessECSSecurityGroup")).isFalse();
        assertThat(withoutVpc.output("AWSTestHarnessECSNetworkSecurityGroups")).isNull();
    }

    @Test
    void otherParametersStartingWithTheReservedPrefixAreRejected() {
        assertThatThrownBy(() -> render("AWSTestHarness-TestDoubles", HEADER.replace("Parameters:\n",
                "Parameters:\n  AWSTestHarnessLambdaFunction: {Type: String, Default: x}\n")))
                .hasMessageStartingWith("template.yaml: Parameters.AWSTestHarnessLambdaFunction: is not one of the parameters that declare test "
                        + "doubles: AWSTestHarnessDynamoDBTables, AWSTestHarnessECSTaskFamilies, AWSTestHarnessLambdaFunctions, "
                        + "AWSTestHarnessS3Buckets, AWSTestHarnessStateMachines");
    }

    @Test
    void aBadDeclarationIsAnErrorNamingTheParameterAndWhatWasExpected() {
        assertThatThrownBy(() -> render("AWSTestHarness-TestDoubles", HEADER.replace("Parameters:\n",
                "Parameters:\n  AWSTestHarnessDynamoDBTables: {Type: String, Default: '{\"Orders\": {\"PartitionKey\": {\"Name\": \"PK\", \"Type\": \"X\"}}}'}\n")))
                .hasMessage("template.yaml: Parameters.AWSTestHarnessDynamoDBTables.Default (table Orders).PartitionKey.Type: must be S, N or B, but is 'X'");
    }

    @Test
    void parameterValuesOverrideTheDefaultsAndNameTheGivenValueWhenBad() {
        ArrayNode others = JsonNodeFactory.instance.arrayNode().add("Other");
        JsonNode rendered = Templates.renderTransformed(yaml("Transform: AWSTestHarness-TestDoubles\n" + HEADER.replace(
                "!GetAtt FirstAWSTestHarnessLambdaFunction.Arn", "x")), Map.of("AWSTestHarnessLambdaFunctions", others), Fixtures.SETTINGS, "t.yaml");
        assertThat(rendered.path("Resources").has("OtherAWSTestHarnessLambdaFunction")).isTrue();
        assertThat(rendered.path("Resources").has("FirstAWSTestHarnessLambdaFunction")).isFalse();
        assertThatThrownBy(() -> Templates.renderTransformed(yaml("Transform: AWSTestHarness-TestDoubles\n" + HEADER),
                Map.of("AWSTestHarnessLambdaFunctions", TextNode.valueOf("First,First")), Fixtures.SETTINGS, "t.yaml"))
                .hasMessage("t.yaml: parameter AWSTestHarnessLambdaFunctions (value given): declares 'First' twice");
        assertThatThrownBy(() -> Templates.renderTransformed(yaml("Transform: AWSTestHarness-TestDoubles\n" + HEADER),
                Map.of("AWSTestHarnessS3Buckets", TextNode.valueOf("B")), Fixtures.SETTINGS, "t.yaml"))
                .hasMessage("t.yaml: the parameter value for AWSTestHarnessS3Buckets was given, but the template declares no such parameter; it "
                        + "declares [AWSTestHarnessLambdaFunctions]");
    }

    @Test
    void referencesToTheClusterFollowTheExistingClusterParameter() {
        String template = """
                Transform: AWSTestHarness-TestDoubles
                Parameters:
                  AWSTestHarnessECSTaskFamilies: {Type: String, Default: '{"W": {"Containers": ["C"]}}'}
                  AWSTestHarnessExistingECSClusterArn: {Type: String, Default: ''}
                Resources:
                  Policy:
                    Type: AWS::IAM::ManagedPolicy
                    DependsOn: [AWSTestHarnessECSCluster, WAWSTestHarnessECSTaskDefinition]
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ecs:StopTask
                            Resource: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/${AWSTestHarnessECSCluster}/*
                          - Effect: Allow
                            Action: ecs:RunTask
                            Resource: !Ref WAWSTestHarnessECSTaskDefinition
                            Condition: {ArnEquals: {ecs:cluster: !GetAtt AWSTestHarnessECSCluster.Arn}}
                          - Effect: Allow
                            Action: ecs:ListTasks
                            Resource: !Sub ["${AWSTestHarnessECSCluster.Arn}|${Other}", {Other: !GetAtt [AWSTestHarnessECSCluster, Arn]}]
                Outputs:
                  Cluster: {Value: !Ref AWSTestHarnessECSCluster}
                """;
        JsonNode rendered = Templates.renderTransformed(yaml(template), Fixtures.SETTINGS, "t.yaml");
        assertThat(rendered.at("/Resources/Policy/DependsOn")).isEqualTo(yaml("[WAWSTestHarnessECSTaskDefinition]"));

        String arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/shared";
        for (Map<String, String> values : java.util.List.of(Map.<String, String>of(), Map.of(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, arn))) {
            boolean existing = !values.isEmpty();
            TemplateEvaluator evaluator = new TemplateEvaluator(rendered, values);
            JsonNode statements = evaluator.evaluate(rendered.at("/Resources/Policy/Properties/PolicyDocument/Statement"));
            assertThat(statements.at("/0/Resource").asText()).isEqualTo("arn:<Ref AWS::Partition>:ecs:<Ref AWS::Region>:<Ref AWS::AccountId>:task/"
                    + (existing ? "shared" : "<Ref AWSTestHarnessECSCluster>") + "/*");
            assertThat(statements.at("/1/Condition/ArnEquals/ecs:cluster").asText()).isEqualTo(existing ? arn : "<AWSTestHarnessECSCluster.Arn>");
            String clusterArn = existing ? arn : "<AWSTestHarnessECSCluster.Arn>";
            assertThat(statements.at("/2/Resource").asText()).isEqualTo(clusterArn + "|" + clusterArn);
            assertThat(evaluator.output("Cluster").asText()).isEqualTo(existing ? "shared" : "<Ref AWSTestHarnessECSCluster>");
        }
    }

    @Test
    void tooManyDoublesForCloudFormationsQuotasAreAnErrorSayingSo() {
        String names = String.join(",", java.util.stream.IntStream.range(0, 120).mapToObj(i -> "F" + i).toList());
        assertThatThrownBy(() -> Templates.renderTransformed(yaml("Transform: AWSTestHarness-TestDoubles\nParameters:\n"
                + "  AWSTestHarnessLambdaFunctions: {Type: CommaDelimitedList, Default: \"" + names + "\"}\nResources:\n  Q: {Type: AWS::SQS::Queue}\n"),
                Fixtures.SETTINGS, "t.yaml"))
                .hasMessageMatching("t.yaml: Outputs: with the generated ones the template has 2[0-9][0-9] entries; CloudFormation allows 200\\. "
                        + "Declare fewer doubles \\(Lambda functions F0, F1, .*, F119\\) or split the template");
    }
}
