package dev.awstestharness.infrastructure;

import static dev.awstestharness.infrastructure.TemplateTests.names;
import static dev.awstestharness.infrastructure.TemplateTests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.lambda.LambdaRelay;
import dev.awstestharness.doubles.statemachine.DoubleStateMachine;
import dev.awstestharness.infrastructure.internal.FargateSize;
import dev.awstestharness.infrastructure.internal.Iam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test-doubles stack for a declaration: exactly its resources, properties, outputs and IAM statements. */
class TestDoublesTemplateTest {
    private static final JsonNode TEMPLATE = Templates.renderTestDoubles(Fixtures.everyKind(), Fixtures.SETTINGS);

    private static JsonNode resource(String logicalId) {
        return TEMPLATE.path("Resources").path(logicalId);
    }

    @Test
    void aDeclarationOfEveryKindGetsExactlyTheseResources() {
        Map<String, String> types = new LinkedHashMap<>();
        TEMPLATE.path("Resources").properties().forEach(entry -> types.put(entry.getKey(), entry.getValue().path("Type").asText()));
        assertThat(types).containsExactly(
                entry("AWSTestHarnessEventsQueue", "AWS::SQS::Queue"),
                entry("AWSTestHarnessResultsTable", "AWS::DynamoDB::Table"),
                entry("AWSTestHarnessTestContextBucket", "AWS::S3::Bucket"),
                entry("AWSTestHarnessLogGroup", "AWS::Logs::LogGroup"),
                entry("AWSTestHarnessLambdaFunctionRole", "AWS::IAM::Role"),
                entry("PricingAWSTestHarnessLambdaFunction", "AWS::Lambda::Function"),
                entry("AWSTestHarnessStateMachineRole", "AWS::IAM::Role"),
                entry("ApprovalAWSTestHarnessStateMachine", "AWS::StepFunctions::StateMachine"),
                entry("UploadsAWSTestHarnessS3Bucket", "AWS::S3::Bucket"),
                entry("OrdersAWSTestHarnessDynamoDBTable", "AWS::DynamoDB::Table"),
                entry("AWSTestHarnessECSCluster", "AWS::ECS::Cluster"),
                entry("AWSTestHarnessECSSecurityGroup", "AWS::EC2::SecurityGroup"),
                entry("AWSTestHarnessECSTaskExecutionRole", "AWS::IAM::Role"),
                entry("AWSTestHarnessECSTaskRole", "AWS::IAM::Role"),
                entry("WorkerAWSTestHarnessECSTaskDefinition", "AWS::ECS::TaskDefinition"));
        // The logical ids the harness looks for in a deployed stack.
        assertThat(GeneratedResources.logicalIds(Fixtures.everyKind())).containsAll(types.keySet());
    }

    @Test
    void noDoublesStillGetTheHarnessesQueueTableAndBucket() {
        JsonNode template = Templates.renderTestDoubles(DoublesDeclaration.none(), Fixtures.SETTINGS);
        assertThat(names(template.path("Resources"))).containsExactly("AWSTestHarnessEventsQueue", "AWSTestHarnessResultsTable",
                "AWSTestHarnessTestContextBucket");
        assertThat(template.has("Parameters")).isFalse();
        assertThat(template.has("Conditions")).isFalse();
    }

    @Test
    void theEventsQueueIsAnEncryptedFifoQueueWithContentBasedDeduplicationAndShortRetention() {
        assertThat(resource("AWSTestHarnessEventsQueue")).isEqualTo(yaml("""
                Type: AWS::SQS::Queue
                Properties:
                  FifoQueue: true
                  ContentBasedDeduplication: true
                  DeduplicationScope: messageGroup
                  FifoThroughputLimit: perMessageGroupId
                  MessageRetentionPeriod: 60
                  VisibilityTimeout: 5
                  SqsManagedSseEnabled: true
                """));
    }

    @Test
    void theResultsTableIsKeyedAsTheContractSaysAndExpiresItems() {
        assertThat(resource("AWSTestHarnessResultsTable")).isEqualTo(yaml("""
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: partitionKey, AttributeType: S}]
                  KeySchema: [{AttributeName: partitionKey, KeyType: HASH}]
                  TimeToLiveSpecification: {AttributeName: ttl, Enabled: true}
                """));
        assertThat(dev.awstestharness.doubles.contract.ResultsTable.KEY).isEqualTo("partitionKey");
        assertThat(dev.awstestharness.doubles.contract.ResultsTable.TTL).isEqualTo("ttl");
    }

    @Test
    void bucketsArePrivateEncryptedAndExpireTheirObjectsAfterADay() {
        JsonNode expected = yaml("""
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]
                  PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}
                  OwnershipControls: {Rules: [{ObjectOwnership: BucketOwnerEnforced}]}
                  LifecycleConfiguration:
                    Rules: [{Id: ExpireTestObjects, Status: Enabled, ExpirationInDays: 1, AbortIncompleteMultipartUpload: {DaysAfterInitiation: 1}}]
                """);
        assertThat(resource("UploadsAWSTestHarnessS3Bucket")).isEqualTo(expected);
        assertThat(resource("AWSTestHarnessTestContextBucket")).isEqualTo(expected);
    }

    @Test
    void aTableDoubleHasTheDeclaredKeysAndAnExpiryAttribute() {
        assertThat(resource("OrdersAWSTestHarnessDynamoDBTable")).isEqualTo(yaml("""
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: PK, AttributeType: S}, {AttributeName: SK, AttributeType: N}]
                  KeySchema: [{AttributeName: PK, KeyType: HASH}, {AttributeName: SK, KeyType: RANGE}]
                  TimeToLiveSpecification: {AttributeName: AWSTestHarnessExpiresAt, Enabled: true}
                """));
    }

    @Test
    void aLambdaDoubleRunsTheRelayOnJava21FromTheInstalledArtifactWithLambdaSafeHarnessVariables() {
        assertThat(resource("PricingAWSTestHarnessLambdaFunction")).isEqualTo(yaml("""
                Type: AWS::Lambda::Function
                Properties:
                  Description: "aws-test-harness: the Lambda function double Pricing"
                  Runtime: java21
                  Handler: dev.awstestharness.doubles.lambda.LambdaRelay::handleRequest
                  Architectures: [arm64]
                  Code: {S3Bucket: artifacts-bucket, S3Key: aws-test-harness/0.1.0/relay.jar}
                  Role: !GetAtt AWSTestHarnessLambdaFunctionRole.Arn
                  MemorySize: 1024
                  Timeout: 90
                  Environment:
                    Variables:
                      AWS_TEST_HARNESS_EVENTS_QUEUE_URL: !Ref AWSTestHarnessEventsQueue
                      AWS_TEST_HARNESS_RESULTS_TABLE: !Ref AWSTestHarnessResultsTable
                      AWS_TEST_HARNESS_TEST_CONTEXT_BUCKET: !Ref AWSTestHarnessTestContextBucket
                      AWS_TEST_HARNESS_DOUBLE_NAME: Pricing
                      AWS_TEST_HARNESS_RESULT_TIMEOUT_MILLIS: "60000"
                  LoggingConfig: {LogFormat: Text, LogGroup: !Ref AWSTestHarnessLogGroup}
                """));
        // The handler is the relay's real class; the variables are the contract's names in the form Lambda accepts.
        assertThat(resource("PricingAWSTestHarnessLambdaFunction").at("/Properties/Handler").asText())
                .isEqualTo(LambdaRelay.class.getName() + "::handleRequest");
        Pattern lambdaNames = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
        assertThat(names(resource("PricingAWSTestHarnessLambdaFunction").at("/Properties/Environment/Variables")))
                .allMatch(name -> lambdaNames.matcher(name).matches())
                .contains(HarnessEnvironment.lambdaName(HarnessEnvironment.EVENTS_QUEUE_URL), HarnessEnvironment.lambdaName(HarnessEnvironment.DOUBLE_NAME));
    }

    @Test
    void theResultTimeoutSetsTheRelaysWaitItsFunctionsTimeoutAndTheDoubleStateMachinesTimeout() {
        JsonNode template = Templates.renderTestDoubles(Fixtures.everyKind(), Fixtures.SETTINGS.toBuilder().resultTimeoutSeconds(120).build());
        JsonNode function = template.at("/Resources/PricingAWSTestHarnessLambdaFunction/Properties");
        assertThat(function.path("Timeout").asInt()).isEqualTo(150);
        assertThat(function.at("/Environment/Variables/AWS_TEST_HARNESS_RESULT_TIMEOUT_MILLIS").asText()).isEqualTo("120000");
        assertThat(template.at("/Resources/ApprovalAWSTestHarnessStateMachine/Properties/Definition/States/Ask the harness/TimeoutSeconds").asInt())
                .isEqualTo(120);
        assertThat(template.at("/Resources/WorkerAWSTestHarnessECSTaskDefinition/Properties/ContainerDefinitions/0/Environment"))
                .contains(yaml("{Name: __AWS_TEST_HARNESS__RESULT_TIMEOUT_MILLIS, Value: '120000'}"));
    }

    @Test
    void aStateMachineDoubleRunsTheDoubleDefinitionWithItsNameQueueAndBucketSubstituted() throws Exception {
        JsonNode machine = resource("ApprovalAWSTestHarnessStateMachine");
        assertThat(machine.path("Properties").path("Definition"))
                .isEqualTo(new ObjectMapper().readTree(DoubleStateMachine.definitionTemplate(TestDoublesSettings.DEFAULT_RESULT_TIMEOUT_SECONDS)));
        machine = machine.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) machine.path("Properties")).remove("Definition");
        assertThat(machine).isEqualTo(yaml("""
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineType: STANDARD
                  DefinitionSubstitutions:
                    DoubleName: Approval
                    EventsQueueUrl: !Ref AWSTestHarnessEventsQueue
                    TestContextBucketName: !Ref AWSTestHarnessTestContextBucket
                    Partition: !Ref AWS::Partition
                  RoleArn: !GetAtt AWSTestHarnessStateMachineRole.Arn
                """));
    }

    @Test
    void everyPlaceholderOfTheStateMachineDoublesDefinitionHasASubstitution() {
        JsonNode properties = resource("ApprovalAWSTestHarnessStateMachine").path("Properties");
        java.util.regex.Matcher placeholders = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(properties.path("Definition").toString());
        java.util.Set<String> used = new java.util.TreeSet<>();
        while (placeholders.find()) used.add(placeholders.group(1));

        assertThat(used).isNotEmpty();
        assertThat(names(properties.path("DefinitionSubstitutions"))).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void aTaskDefinitionHasOneContainerPerNameOnTheRunnerImageWithNamespacedVariablesAndLogs() {
        JsonNode template = Templates.renderTestDoubles(DoublesDeclaration.builder().ecsTaskFamily("Worker", "Main", "Sidecar").build(),
                Fixtures.SETTINGS);
        String container = """
                  - Name: %s
                    Image: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/aws-test-harness/ecs-task-runner:0.1.0"
                    Essential: true
                    StopTimeout: 10
                    Environment:
                      - {Name: __AWS_TEST_HARNESS__EVENTS_QUEUE_URL, Value: !Ref AWSTestHarnessEventsQueue}
                      - {Name: __AWS_TEST_HARNESS__RESULTS_TABLE, Value: !Ref AWSTestHarnessResultsTable}
                      - {Name: __AWS_TEST_HARNESS__TEST_CONTEXT_BUCKET, Value: !Ref AWSTestHarnessTestContextBucket}
                      - {Name: __AWS_TEST_HARNESS__DOUBLE_NAME, Value: Worker}
                      - {Name: __AWS_TEST_HARNESS__RESULT_TIMEOUT_MILLIS, Value: "60000"}
                    LogConfiguration:
                      LogDriver: awslogs
                      Options: {awslogs-group: !Ref AWSTestHarnessLogGroup, awslogs-region: !Ref AWS::Region, awslogs-stream-prefix: Worker}
                """;
        assertThat(template.path("Resources").path("WorkerAWSTestHarnessECSTaskDefinition")).isEqualTo(yaml("""
                Type: AWS::ECS::TaskDefinition
                Properties:
                  RequiresCompatibilities: [FARGATE]
                  NetworkMode: awsvpc
                  Cpu: "512"
                  Memory: "1024"
                  RuntimePlatform: {OperatingSystemFamily: LINUX, CpuArchitecture: !Ref AWSTestHarnessECSContainerArchitecture}
                  ExecutionRoleArn: !GetAtt AWSTestHarnessECSTaskExecutionRole.Arn
                  TaskRoleArn: !GetAtt AWSTestHarnessECSTaskRole.Arn
                  ContainerDefinitions:
                """ + container.formatted("Main") + container.formatted("Sidecar")));
        assertThat(HarnessEnvironment.isHarnessVariable("__AWS_TEST_HARNESS__DOUBLE_NAME")).isTrue();
    }

    @Test
    void theClusterIsFargateWithADefaultCapacityProviderStrategy() {
        assertThat(resource("AWSTestHarnessECSCluster")).isEqualTo(yaml("""
                Type: AWS::ECS::Cluster
                Condition: AWSTestHarnessCreateECSCluster
                Properties:
                  CapacityProviders: [FARGATE]
                  DefaultCapacityProviderStrategy: [{CapacityProvider: FARGATE, Weight: 1}]
                  ClusterSettings: [{Name: containerInsights, Value: disabled}]
                """));
    }

    @Test
    void anExistingClusterArnReplacesTheCreatedCluster() {
        TemplateEvaluator created = new TemplateEvaluator(TEMPLATE, Map.of());
        assertThat(created.exists("AWSTestHarnessECSCluster")).isTrue();
        assertThat(created.output("AWSTestHarnessECSClusterArn").asText()).isEqualTo("<AWSTestHarnessECSCluster.Arn>");

        String arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/shared";
        TemplateEvaluator existing = new TemplateEvaluator(TEMPLATE, Map.of(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, arn));
        assertThat(existing.exists("AWSTestHarnessECSCluster")).isFalse();
        assertThat(existing.output("AWSTestHarnessECSClusterArn").asText()).isEqualTo(arn);
        // Nothing else refers to the cluster: the task definitions run in any cluster.
        List<JsonNode> references = new ArrayList<>();
        TEMPLATE.path("Resources").forEach(resource -> TemplateTests.walk(resource, node -> {
            if (node.isTextual() && node.asText().contains(GeneratedResources.ECS_CLUSTER)) references.add(node);
        }));
        assertThat(references).isEmpty();
        assertThat(TEMPLATE.at("/Parameters/" + GeneratedResources.ECS_CLUSTER_ARN_PARAMETER + "/Default").asText()).isEmpty();
    }

    @Test
    void theContainersAreArm64UnlessX8664IsChosen() {
        JsonNode parameter = TEMPLATE.at("/Parameters/" + GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER);
        assertThat(parameter.path("Default").asText()).isEqualTo("ARM64");
        assertThat(parameter.path("AllowedValues")).isEqualTo(yaml("[ARM64, X86_64]"));
        JsonNode platform = resource("WorkerAWSTestHarnessECSTaskDefinition").at("/Properties/RuntimePlatform");
        assertThat(new TemplateEvaluator(TEMPLATE, Map.of()).evaluate(platform).path("CpuArchitecture").asText()).isEqualTo("ARM64");
        assertThat(new TemplateEvaluator(TEMPLATE, Map.of(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER, "X86_64")).evaluate(platform)
                .path("CpuArchitecture").asText()).isEqualTo("X86_64");
    }

    @Test
    void aSecurityGroupAllowingOnlyOutboundHttpsIsCreatedWhenAVpcButNoGroupIsGiven() {
        TemplateEvaluator nothing = new TemplateEvaluator(TEMPLATE, Map.of());
        assertThat(nothing.exists("AWSTestHarnessECSSecurityGroup")).isFalse();
        // No network given, no (empty) network outputs.
        assertThat(nothing.output("AWSTestHarnessECSNetworkSubnets")).isNull();
        assertThat(nothing.output("AWSTestHarnessECSNetworkSecurityGroups")).isNull();
        TemplateEvaluator vpcOnly = new TemplateEvaluator(TEMPLATE, Map.of(GeneratedResources.ECS_VPC_ID_PARAMETER, "vpc-0123456789abcdef0",
                GeneratedResources.ECS_SUBNET_IDS_PARAMETER, "subnet-1,subnet-2"));
        assertThat(vpcOnly.exists("AWSTestHarnessECSSecurityGroup")).isTrue();
        assertThat(vpcOnly.output("AWSTestHarnessECSNetworkSecurityGroups").asText()).isEqualTo("<AWSTestHarnessECSSecurityGroup.GroupId>");
        assertThat(vpcOnly.output("AWSTestHarnessECSNetworkSubnets").asText()).isEqualTo("subnet-1,subnet-2");
        assertThat(vpcOnly.output("AWSTestHarnessECSNetworkAssignPublicIp").asText()).isEqualTo("ENABLED");
        TemplateEvaluator given = new TemplateEvaluator(TEMPLATE, Map.of(GeneratedResources.ECS_VPC_ID_PARAMETER, "vpc-0123456789abcdef0",
                GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER, "sg-1,sg-2"));
        assertThat(given.exists("AWSTestHarnessECSSecurityGroup")).isFalse();
        assertThat(given.output("AWSTestHarnessECSNetworkSecurityGroups").asText()).isEqualTo("sg-1,sg-2");
        assertThat(resource("AWSTestHarnessECSSecurityGroup").at("/Properties/SecurityGroupEgress")).isEqualTo(yaml("""
                - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0, Description: HTTPS to AWS endpoints and ECR's image layers}
                """));
        assertThat(resource("AWSTestHarnessECSSecurityGroup").at("/Properties").has("SecurityGroupIngress")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 9, 10})
    void cpuAndMemoryScaleWithTheContainersWithinFargatesSizes(int containers) {
        String[] names = new String[containers];
        for (int i = 0; i < containers; i++) names[i] = "C" + i;
        JsonNode properties = Templates.renderTestDoubles(DoublesDeclaration.builder().ecsTaskFamily("Task", names).build(), Fixtures.SETTINGS)
                .at("/Resources/TaskAWSTestHarnessECSTaskDefinition/Properties");
        int cpu = Integer.parseInt(properties.path("Cpu").asText());
        int memory = Integer.parseInt(properties.path("Memory").asText());
        assertThat(cpu).as("a quarter vCPU per container").isGreaterThanOrEqualTo(256 * containers);
        assertThat(memory).as("512 MiB per container").isGreaterThanOrEqualTo(512 * containers);
        // Fargate's CPU sizes and the memory each allows (MiB).
        Map<Integer, int[]> fargate = Map.of(256, new int[] {512, 2048}, 512, new int[] {1024, 4096}, 1024, new int[] {2048, 8192},
                2048, new int[] {4096, 16384}, 4096, new int[] {8192, 30720});
        assertThat(fargate).containsKey(cpu);
        assertThat(memory).isBetween(fargate.get(cpu)[0], fargate.get(cpu)[1]);
        assertThat(new FargateSize(cpu, memory)).isEqualTo(FargateSize.forContainers(containers));
        // No larger size than needed.
        assertThat(cpu / 2).isLessThan(256 * containers);
    }

    @Test
    void everyIamStatementNamesItsActionsAndResourcesExactly() {
        Map<String, List<JsonNode>> statements = TemplateTests.roleStatements(TEMPLATE);
        JsonNode session = yaml("!Sub arn:${AWS::Partition}:s3:::${AWSTestHarnessTestContextBucket}/mocking-session-id");
        JsonNode queue = yaml("!GetAtt AWSTestHarnessEventsQueue.Arn");
        JsonNode results = yaml("!GetAtt AWSTestHarnessResultsTable.Arn");
        JsonNode logs = yaml("!GetAtt AWSTestHarnessLogGroup.Arn");
        assertThat(statements).containsOnlyKeys("AWSTestHarnessLambdaFunctionRole", "AWSTestHarnessStateMachineRole",
                "AWSTestHarnessECSTaskExecutionRole", "AWSTestHarnessECSTaskRole");
        assertThat(statements.get("AWSTestHarnessLambdaFunctionRole")).containsExactly(
                statement("ReadMockingSession", "s3:GetObject", session), statement("SendInvocations", "sqs:SendMessage", queue),
                statement("ReadResults", "dynamodb:GetItem", results), statement("WriteLogs", "[logs:CreateLogStream, logs:PutLogEvents]", logs));
        assertThat(statements.get("AWSTestHarnessStateMachineRole")).containsExactly(
                statement("ReadMockingSession", "s3:GetObject", session), statement("SendInvocations", "sqs:SendMessage", queue));
        assertThat(statements.get("AWSTestHarnessECSTaskRole")).containsExactly(
                statement("ReadMockingSession", "s3:GetObject", session), statement("SendInvocations", "sqs:SendMessage", queue),
                statement("ReadResults", "dynamodb:GetItem", results));
        assertThat(statements.get("AWSTestHarnessECSTaskExecutionRole")).containsExactly(
                statement("PullRunnerImage", "[ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]",
                        yaml("!Sub arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/aws-test-harness/ecs-task-runner")),
                statement("WriteLogs", "[logs:CreateLogStream, logs:PutLogEvents]", logs),
                statement("EcrAuthorizationTokenHasNoResourceLevelPermissions", "ecr:GetAuthorizationToken", yaml("'*'")));
    }

    @Test
    void noWildcardActionOrResourceExceptTheOneAwsRequiresWhichIsJustified() {
        List<String> wildcards = new ArrayList<>();
        TemplateTests.roleStatements(TEMPLATE).forEach((role, statements) -> statements.forEach(statement -> {
            TemplateTests.walk(statement.path("Action"), action -> assertThat(action.asText()).as(role).doesNotContain("*"));
            JsonNode resources = statement.path("Resource");
            TemplateTests.walk(resources, resource -> {
                if (resource.isTextual() && resource.asText().contains("*")) {
                    wildcards.add(role + "/" + statement.path("Sid").asText());
                    // The justification is in the role's metadata, under the statement's Sid.
                    assertThat(TEMPLATE.at("/Resources/" + role + "/Metadata/" + Iam.WILDCARD_METADATA + "/" + statement.path("Sid").asText())
                            .asText()).contains("supports no resource-level permissions");
                }
            });
        }));
        assertThat(wildcards).containsExactly("AWSTestHarnessECSTaskExecutionRole/EcrAuthorizationTokenHasNoResourceLevelPermissions");
    }

    @Test
    void rolesAreAssumableOnlyByTheirServiceAndStepFunctionsAndEcsTasksOnlyForThisAccount() {
        assertThat(resource("AWSTestHarnessStateMachineRole").at("/Properties/AssumeRolePolicyDocument")).isEqualTo(yaml("""
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {Service: states.amazonaws.com}
                    Action: sts:AssumeRole
                    Condition: {StringEquals: {aws:SourceAccount: !Ref AWS::AccountId}}
                """));
        assertThat(resource("AWSTestHarnessLambdaFunctionRole").at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
                .isEqualTo("lambda.amazonaws.com");
        assertThat(resource("AWSTestHarnessECSTaskRole").at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
                .isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(resource("AWSTestHarnessECSTaskExecutionRole").at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
                .isEqualTo("ecs-tasks.amazonaws.com");
    }

    @Test
    void theOutputsGiveTheNamesAndArnsOfEveryDoubleTheTaskDefinitionsTheClusterAndTheRoles() {
        assertThat(names(TEMPLATE.path("Outputs"))).containsExactlyInAnyOrder(
                "AWSTestHarnessEventsQueueUrl", "AWSTestHarnessEventsQueueArn", "AWSTestHarnessResultsTableName", "AWSTestHarnessTestContextBucketName",
                "AWSTestHarnessLogGroupName", "AWSTestHarnessLambdaFunctionRoleArn", "PricingAWSTestHarnessLambdaFunctionName",
                "PricingAWSTestHarnessLambdaFunctionArn", "AWSTestHarnessStateMachineRoleArn", "ApprovalAWSTestHarnessStateMachineArn",
                "ApprovalAWSTestHarnessStateMachineName", "UploadsAWSTestHarnessS3BucketName", "UploadsAWSTestHarnessS3BucketArn",
                "OrdersAWSTestHarnessDynamoDBTableName", "OrdersAWSTestHarnessDynamoDBTableArn", "AWSTestHarnessECSNetworkSubnets",
                "AWSTestHarnessECSNetworkSecurityGroups", "AWSTestHarnessECSNetworkAssignPublicIp", "AWSTestHarnessECSClusterArn",
                "AWSTestHarnessECSTaskExecutionRoleArn", "AWSTestHarnessECSTaskRoleArn", "WorkerAWSTestHarnessECSTaskDefinitionArn",
                "WorkerAWSTestHarnessECSTaskDefinitionArnWithoutRevision", "WorkerAWSTestHarnessECSTaskDefinitionFamily");
        TemplateEvaluator evaluator = new TemplateEvaluator(TEMPLATE, Map.of());
        assertThat(evaluator.output("PricingAWSTestHarnessLambdaFunctionArn").asText()).isEqualTo("<PricingAWSTestHarnessLambdaFunction.Arn>");
        assertThat(evaluator.output("ApprovalAWSTestHarnessStateMachineArn").asText()).isEqualTo("<Ref ApprovalAWSTestHarnessStateMachine>");
        // A task definition's ARN without revision and its family, computed from what Ref gives.
        JsonNode template = TEMPLATE.deepCopy();
        String arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/stack-WorkerAWSTestHarnessECSTaskDefinition-Ab12Cd34:7";
        replaceRef(template, "WorkerAWSTestHarnessECSTaskDefinition", arn);
        TemplateEvaluator withArn = new TemplateEvaluator(template, Map.of());
        assertThat(withArn.output("WorkerAWSTestHarnessECSTaskDefinitionArn").asText()).isEqualTo(arn);
        assertThat(withArn.output("WorkerAWSTestHarnessECSTaskDefinitionArnWithoutRevision").asText())
                .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task-definition/stack-WorkerAWSTestHarnessECSTaskDefinition-Ab12Cd34");
        assertThat(withArn.output("WorkerAWSTestHarnessECSTaskDefinitionFamily").asText()).isEqualTo("stack-WorkerAWSTestHarnessECSTaskDefinition-Ab12Cd34");
    }

    @Test
    void physicalNamesAreLeftToCloudFormationExceptTheLogGroupsWhichFitsItsLimit() {
        Set<String> nameProperties = Set.of("BucketName", "TableName", "FunctionName", "RoleName", "QueueName", "StateMachineName", "Family",
                "ClusterName", "GroupName", "RepositoryName");
        TEMPLATE.path("Resources").properties().forEach(entry -> assertThat(names(entry.getValue().path("Properties")))
                .as(entry.getKey()).doesNotContainAnyElementsOf(nameProperties));
        // The log group's name: the prefix (at most 256 characters) and the stack name (at most 128), within the 512 allowed.
        assertThat(resource("AWSTestHarnessLogGroup").at("/Properties/LogGroupName")).isEqualTo(yaml("!Sub /aws-test-harness/${AWS::StackName}"));
        String longest = "/".repeat(256);
        TestDoublesSettings.builder().relayCode(Fixtures.SETTINGS.relayCode()).runnerImage(Fixtures.SETTINGS.runnerImage()).logGroupPrefix(longest)
                .build();
        assertThat(longest.length() + 128).isLessThanOrEqualTo(512);
    }

    @Test
    void logicalIdsOutputNamesAndSidsFitCloudFormationsRulesForTheLongestDoubleNames() {
        String name = "N".repeat(64);
        JsonNode template = Templates.renderTestDoubles(DoublesDeclaration.builder().lambdaFunctions(name).stateMachines(name).s3Buckets(name)
                .dynamoDbTable(name, "K", "S").ecsTaskFamily(name, "c".repeat(255)).build(), Fixtures.SETTINGS);
        Pattern logicalId = Pattern.compile("[A-Za-z0-9]{1,255}");
        for (String section : List.of("Parameters", "Conditions", "Resources", "Outputs")) {
            assertThat(names(template.path(section))).as(section).allMatch(id -> logicalId.matcher(id).matches());
        }
        TemplateTests.roleStatements(template).values().forEach(statements -> statements.forEach(statement ->
                assertThat(statement.path("Sid").asText()).matches("[A-Za-z0-9]+")));
    }

    private static JsonNode statement(String sid, String actions, JsonNode resource) {
        com.fasterxml.jackson.databind.node.ObjectNode statement = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("Sid", sid).put("Effect", "Allow");
        statement.set("Action", actions.startsWith("[") ? yaml(actions) : yaml("[" + actions + "]"));
        statement.set("Resource", resource);
        return statement;
    }

    private static void replaceRef(JsonNode node, String logicalId, String value) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            for (String key : names(object)) {
                JsonNode child = object.get(key);
                if (child.isObject() && child.size() == 1 && child.path("Ref").asText().equals(logicalId)) object.put(key, value);
                else replaceRef(child, logicalId, value);
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isObject() && child.size() == 1 && child.path("Ref").asText().equals(logicalId)) array.set(i, value);
                else replaceRef(child, logicalId, value);
            }
        }
    }
}
