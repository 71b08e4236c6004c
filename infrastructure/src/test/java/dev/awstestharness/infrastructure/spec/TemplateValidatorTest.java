package dev.awstestharness.infrastructure.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.infrastructure.Fixtures;
import dev.awstestharness.infrastructure.Templates;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check of the validator, proven on a template broken in exactly that way. */
class TemplateValidatorTest {
    private static TemplateValidator validator;

    @BeforeAll
    static void loadSpecification() {
        validator = new TemplateValidator(ResourceSpecification.shared());
    }

    private static ObjectNode valid() {
        return Templates.renderTestDoubles(Fixtures.everyKind(), Fixtures.SETTINGS);
    }

    private static ObjectNode properties(ObjectNode template, String logicalId) {
        return (ObjectNode) template.path("Resources").path(logicalId).path("Properties");
    }

    private static ObjectNode yaml(String text) {
        return (ObjectNode) Templates.readTemplate(text, "test.yaml");
    }

    @Test
    void theUnbrokenTemplateIsValid() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void aWrongPropertyNameDeepInANestedTypeIsNamedWithItsPath() {
        ObjectNode template = valid();
        ObjectNode logging = (ObjectNode) properties(template, "WorkerAWSTestHarnessECSTaskDefinition").path("ContainerDefinitions").get(0)
                .path("LogConfiguration");
        logging.set("Option", logging.remove("Options"));
        assertThat(validator.validate(template)).containsExactly("Resources.WorkerAWSTestHarnessECSTaskDefinition.Properties.ContainerDefinitions[0]"
                + ".LogConfiguration.Option: unknown property of LogConfiguration; it has [LogDriver, Options, SecretOptions]");
    }

    @Test
    void aWrongPropertyNameInAListOfNestedTypesInsideAMapIsFound() {
        ObjectNode template = valid();
        ObjectNode rule = (ObjectNode) properties(template, "UploadsAWSTestHarnessS3Bucket").path("LifecycleConfiguration").path("Rules").get(0);
        rule.put("ExpirationInDay", 1);
        assertThat(validator.validate(template)).singleElement().asString()
                .startsWith("Resources.UploadsAWSTestHarnessS3Bucket.Properties.LifecycleConfiguration.Rules[0].ExpirationInDay: unknown property of Rule");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        ObjectNode template = valid();
        properties(template, "OrdersAWSTestHarnessDynamoDBTable").remove("KeySchema");
        ((ObjectNode) properties(template, "WorkerAWSTestHarnessECSTaskDefinition").path("ContainerDefinitions").get(0)).remove("Image");
        assertThat(validator.validate(template)).containsExactlyInAnyOrder(
                "Resources.OrdersAWSTestHarnessDynamoDBTable.Properties: AWS::DynamoDB::Table requires the property KeySchema",
                "Resources.WorkerAWSTestHarnessECSTaskDefinition.Properties.ContainerDefinitions[0]: ContainerDefinition requires the property Image");
    }

    @Test
    void aDanglingRefIsNamed() {
        ObjectNode template = valid();
        properties(template, "PricingAWSTestHarnessLambdaFunction").with("LoggingConfig").set("LogGroup", Cfn("Ref", "NoSuchLogGroup"));
        assertThat(validator.validate(template)).containsExactly("Resources.PricingAWSTestHarnessLambdaFunction.Properties.LoggingConfig.LogGroup.Ref: "
                + "refers to 'NoSuchLogGroup', which is no parameter, resource or pseudo parameter of the template");
    }

    @Test
    void danglingTargetsInSubGetAttAndDependsOnAreNamed() {
        List<String> problems = validator.validate(yaml("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    DependsOn: [Missing]
                Outputs:
                  Url:
                    Value: !Sub "${Queue}/${Nothing}/${Queue.Arn}/${Queue.Nope}/${!Literal}"
                  Arn:
                    Value: !GetAtt Gone.Arn
                """));
        assertThat(problems).containsExactlyInAnyOrder(
                "Resources.Queue.DependsOn: names \"Missing\", which is not a resource of the template",
                "Outputs.Url.Value.Fn::Sub ${Nothing}: refers to 'Nothing', which is no parameter, resource or pseudo parameter of the template",
                "Outputs.Url.Value.Fn::Sub ${Queue.Nope}: AWS::SQS::Queue has no attribute 'Nope'; it has [Arn, QueueName, QueueUrl]",
                "Outputs.Arn.Value.Fn::GetAtt: refers to 'Gone', which is no resource of the template");
    }

    @Test
    void aBadGetAttAttributeIsNamedWithTheOnesThereAre() {
        ObjectNode template = valid();
        properties(template, "PricingAWSTestHarnessLambdaFunction").set("Role", Cfn("Fn::GetAtt", List.of("AWSTestHarnessLambdaFunctionRole", "RoleArn")));
        assertThat(validator.validate(template)).containsExactly("Resources.PricingAWSTestHarnessLambdaFunction.Properties.Role.Fn::GetAtt: "
                + "AWS::IAM::Role has no attribute 'RoleArn'; it has [Arn, RoleId]");
    }

    @Test
    void anUnknownResourceTypeIsNamed() {
        ObjectNode template = valid();
        ((ObjectNode) template.path("Resources").path("AWSTestHarnessEventsQueue")).put("Type", "AWS::SQS::Queues");
        assertThat(validator.validate(template)).contains("Resources.AWSTestHarnessEventsQueue.Type: unknown resource type 'AWS::SQS::Queues'");
    }

    @Test
    void aSamTypeNeedsTheSamTransform() {
        assertThat(validator.validate(yaml("""
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: machine.asl.json
                """))).containsExactly("Resources.Machine.Type: AWS::Serverless::StateMachine needs the transform AWS::Serverless-2016-10-31, "
                + "which the template does not declare");
    }

    @Test
    void samPropertiesAreCheckedLikeOthers() {
        assertThat(validator.validate(yaml("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: machine.asl.json
                      Policys: []
                Outputs:
                  Name:
                    Value: !GetAtt Machine.Name
                  Bad:
                    Value: !GetAtt Machine.Names
                """))).containsExactlyInAnyOrder(
                "Resources.Machine.Properties.Policys: unknown property of AWS::Serverless::StateMachine; it has [Definition, "
                        + "DefinitionSubstitutions, DefinitionUri, Events, Logging, Name, PermissionsBoundaries, Policies, Role, Tags, Tracing, Type]",
                "Outputs.Bad.Value.Fn::GetAtt: AWS::StepFunctions::StateMachine has no attribute 'Names'; it has [Arn, Name, StateMachineRevisionId]");
    }

    @Test
    void malformedIntrinsicFunctionsAreNamed() {
        List<String> problems = validator.validate(yaml("""
                Parameters:
                  Ids:
                    Type: CommaDelimitedList
                    Default: "a,b"
                Conditions:
                  Yes: !Equals [a, a]
                  Broken: !Equals [a]
                  UsesResource: !Equals [!Ref Queue, x]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Join [",", !Ref Ids, extra]
                      DelaySeconds: !Select [first, !Ref Ids]
                      KmsMasterKeyId: !If [Missing, a, b]
                      RedriveAllowPolicy: !Split [",", a, b]
                      MessageRetentionPeriod: {"Fn::Nope": 1}
                      VisibilityTimeout: !Equals [1, 1]
                """));
        assertThat(problems).containsExactlyInAnyOrder(
                "Conditions.Broken.Fn::Equals: takes [value, value], but has [\"a\"]",
                "Conditions.UsesResource.Fn::Equals[0].Ref: refers to the resource 'Queue'; conditions and rules may refer to parameters only",
                "Resources.Queue.Properties.QueueName.Fn::Join: takes [delimiter, [values...]], but has [\",\",{\"Ref\":\"Ids\"},\"extra\"]",
                "Resources.Queue.Properties.DelaySeconds.Fn::Select[0]: the index must be a whole number, but is \"first\"",
                "Resources.Queue.Properties.KmsMasterKeyId.Fn::If[0]: names \"Missing\", which is not a condition of the template; it has [Broken, UsesResource, Yes]",
                "Resources.Queue.Properties.RedriveAllowPolicy.Fn::Split: takes [delimiter, string], but has [\",\",\"a\",\"b\"]",
                "Resources.Queue.Properties.MessageRetentionPeriod.Fn::Nope: unknown intrinsic function Fn::Nope",
                "Resources.Queue.Properties.VisibilityTimeout.Fn::Equals: Fn::Equals cannot be used here (value context)");
    }

    @Test
    void theBranchesOfFnIfAreCheckedAgainstThePropertysType() {
        List<String> problems = validator.validate(yaml("""
                Conditions:
                  Always: !Equals [a, a]
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration: !If [Always, {Status: Enabled}, {Stat: Enabled}]
                      BucketName: !If [Always, !Ref AWS::NoValue, name]
                """));
        assertThat(problems).containsExactlyInAnyOrder(
                "Resources.Bucket.Properties.VersioningConfiguration.Fn::If[2]: VersioningConfiguration requires the property Status",
                "Resources.Bucket.Properties.VersioningConfiguration.Fn::If[2].Stat: unknown property of VersioningConfiguration; it has [Status]");
    }

    @Test
    void structureAndAllowedValuesAreChecked() {
        List<String> problems = validator.validate(yaml("""
                Parameters:
                  Arch:
                    Type: String
                    AllowedValues: [ARM64, X86_64]
                    Default: arm64
                Resources:
                  Function:
                    Type: AWS::Lambda::Function
                    Properties:
                      Code: s3://bucket/key
                      Role: arn:aws:iam::123456789012:role/r
                      Architectures: arm64
                      LoggingConfig:
                        LogFormat: Yaml
                """));
        assertThat(problems).containsExactlyInAnyOrder(
                "Parameters.Arch.Default: 'arm64' is not one of AllowedValues [\"ARM64\",\"X86_64\"]",
                "Resources.Function.Properties.Code: must be a mapping (Code), but is \"s3://bucket/key\"",
                "Resources.Function.Properties.Architectures: must be a list, but is \"arm64\"",
                "Resources.Function.Properties.LoggingConfig.LogFormat: 'Yaml' is not one of the allowed values [\"Text\",\"JSON\"]");
    }

    @Test
    void unknownSectionsAttributesAndBadLogicalIdsAreNamed() {
        ObjectNode template = valid();
        template.putObject("Output");
        ((ObjectNode) template.path("Resources").path("AWSTestHarnessEventsQueue")).put("DeletionPolicy", "Keep").put("Conditon", "X");
        template.with("Outputs").putObject("Not-Alphanumeric").put("Value", "x");
        assertThat(validator.validate(template)).containsExactlyInAnyOrder(
                "Output: unknown template section; CloudFormation's are [AWSTemplateFormatVersion, Conditions, Description, Mappings, Metadata, "
                        + "Outputs, Parameters, Resources, Rules, Transform]",
                "Resources.AWSTestHarnessEventsQueue.Conditon: unknown resource attribute; they are [Condition, CreationPolicy, DeletionPolicy, "
                        + "DependsOn, Metadata, Properties, Type, UpdatePolicy, UpdateReplacePolicy]",
                "Resources.AWSTestHarnessEventsQueue.DeletionPolicy: must be one of " + java.util.Set.of("Delete", "Retain", "RetainExceptOnCreate",
                        "Snapshot"),
                "Outputs.Not-Alphanumeric: 'Not-Alphanumeric' is not a valid logical id: 1 to 255 letters and digits");
    }

    private static JsonNode Cfn(String function, Object argument) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (argument instanceof List<?> list) {
            ArrayNode array = node.putArray(function);
            list.forEach(item -> array.add(item.toString()));
        } else {
            node.put(function, argument.toString());
        }
        return node;
    }
}
