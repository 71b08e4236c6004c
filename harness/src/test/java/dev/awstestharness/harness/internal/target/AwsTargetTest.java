package dev.awstestharness.harness.internal.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The aws target against a stack whose resources a local cloud holds (see {@link LocalCloudStack}). */
class AwsTargetTest {
    private static final String TEMPLATE = "harness-test/template.yaml";
    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-test-harness-tester";
    private static LocalCloudStack stack;

    @BeforeAll
    static void deploy() {
        stack = LocalCloudStack.deploy(TEMPLATE, "harness-test-stack");
    }

    @AfterAll
    static void undeploy() {
        stack.close();
    }

    @AfterEach
    void restoreTheStack() {
        stack.stack.status = "UPDATE_COMPLETE";
        stack.stack.statusReason = null;
        stack.cloudFormation.assumeRoleDenied = null;
        stack.restoreResources();
    }

    private static AwsTarget start(Map<String, String> overrides) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(stack.settings());
        settings.putAll(overrides);
        return stack.startTarget(settings, Duration.ofMinutes(1));
    }

    @Test
    void resolvesTheDoublesTheSharedResourcesAndTheStateMachinesUnderTestFromTheStacksResources() {
        try (AwsTarget target = start(Map.of())) {
            DeployedResources resources = target.resources();
            DeployedResources deployed = stack.local.resources();

            assertThat(target.kind()).isEqualTo("aws");
            assertThat(resources.eventsQueueUrl()).isEqualTo(deployed.eventsQueueUrl());
            assertThat(resources.resultsTable()).isEqualTo(deployed.resultsTable());
            assertThat(resources.testContextBucket()).isEqualTo(deployed.testContextBucket());
            for (String name : java.util.List.of("Alpha", "Beta")) {
                assertThat(resources.lambdaFunction(name)).isEqualTo(deployed.lambdaFunction(name));
                assertThat(resources.stateMachineDouble(name)).isEqualTo(deployed.stateMachineDouble(name));
                assertThat(resources.s3Bucket(name)).isEqualTo(deployed.s3Bucket(name));
                assertThat(resources.dynamoDbTable(name)).isEqualTo(deployed.dynamoDbTable(name));
                assertThat(resources.taskDefinition(name)).isEqualTo(deployed.taskDefinition(name));
            }
            assertThat(resources.stateMachinesUnderTest()).isEqualTo(deployed.stateMachinesUnderTest());
            assertThat(resources.stateMachineType("Echo")).isEqualTo("EXPRESS");
            // more resources than one page: every page was read
            assertThat(stack.cloudFormation.requests("ListStackResources")).hasSizeGreaterThan(1)
                    .anySatisfy(request -> assertThat(request.parameters()).containsKey("NextToken"));
        }
    }

    @Test
    void buildsTheAttributesOfEachResourceAsTheServicesReportThem() {
        try (AwsTarget target = start(Map.of())) {
            Map<String, ResourceValues> byId = target.resources().byLogicalId();
            SdkClients services = stack.local.clients();

            String function = target.resources().lambdaFunction("Alpha");
            assertThat(byId.get(GeneratedResources.lambdaFunction("Alpha")).attribute("Arn"))
                    .isEqualTo(services.lambda().getFunction(r -> r.functionName(function)).configuration().functionArn());
            assertThat(byId.get(GeneratedResources.EVENTS_QUEUE).attribute("Arn")).isEqualTo(services.sqs().getQueueAttributes(r -> r
                    .queueUrl(target.resources().eventsQueueUrl()).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                    .get(QueueAttributeName.QUEUE_ARN));
            String table = target.resources().dynamoDbTable("Alpha");
            assertThat(byId.get(GeneratedResources.dynamoDbTable("Alpha")).attribute("Arn"))
                    .isEqualTo(services.dynamoDb().describeTable(r -> r.tableName(table)).table().tableArn());
            assertThat(byId.get(GeneratedResources.ECS_CLUSTER).attribute("Arn")).isEqualTo(services.ecs()
                    .describeClusters(r -> r.clusters(GeneratedResources.ECS_CLUSTER)).clusters().get(0).clusterArn());
            assertThat(target.resources().ecsClusterArn()).isEqualTo(byId.get(GeneratedResources.ECS_CLUSTER).attribute("Arn"));
            String machine = target.resources().stateMachine("Tiny");
            assertThat(byId.get("Tiny").attribute("Name")).isEqualTo(services.sfn().describeStateMachine(r -> r.stateMachineArn(machine)).name());
            assertThat(byId.get(GeneratedResources.s3Bucket("Beta")).attribute("Arn")).isEqualTo("arn:aws:s3:::"
                    + target.resources().s3Bucket("Beta"));
        }
    }

    @Test
    void aStackOnAnExistingClusterAnswersForTheClusterWithTheGivenArn() {
        String existing = "arn:aws:ecs:us-east-1:123456789012:cluster/team-tests";
        stack.stack.without(GeneratedResources.ECS_CLUSTER);
        stack.stack.parameters.put(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, existing);
        try (AwsTarget target = start(Map.of())) {
            ResourceValues cluster = target.resources().byLogicalId().get(GeneratedResources.ECS_CLUSTER);

            assertThat(target.resources().ecsClusterArn()).isEqualTo(existing);
            assertThat(cluster.refText()).isEqualTo("team-tests");
            assertThat(cluster.attribute("Arn")).isEqualTo(existing);
        } finally {
            stack.stack.parameters.remove(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER);
        }
    }

    @Test
    void signsWithTheProfilesCredentialsWithoutARole() {
        try (AwsTarget target = start(Map.of())) {
            assertThat(target.credentials().resolveCredentials().accessKeyId()).isEqualTo(LocalCloudStack.PROFILE_ACCESS_KEY);
            assertThat(stack.cloudFormation.requests("DescribeStacks")).last()
                    .satisfies(request -> assertThat(request.accessKeyId()).isEqualTo(LocalCloudStack.PROFILE_ACCESS_KEY));
            assertThat(target.describe()).contains("stack 'harness-test-stack' in us-east-1").contains("account 123456789012")
                    .contains("profile 'harness-test'");
        }
    }

    @Test
    void assumesTheConfiguredRoleWithTheProfilesCredentialsInASessionNamingTheHarness() {
        int before = stack.cloudFormation.requests("AssumeRole").size();
        try (AwsTarget target = start(Map.of(Setting.ROLE_ARN.property(), ROLE))) {
            var assumeRole = stack.cloudFormation.requests("AssumeRole");
            assertThat(assumeRole).hasSize(before + 1);
            FakeCloudFormation.Request request = assumeRole.get(before);
            assertThat(request.parameters()).containsEntry("RoleArn", ROLE);
            assertThat(request.parameters().get("RoleSessionName")).startsWith("aws-test-harness-")
                    .endsWith("-" + ProcessHandle.current().pid()).hasSizeLessThanOrEqualTo(64).matches("[\\w+=,.@-]+");
            assertThat(request.accessKeyId()).as("AssumeRole signed with the profile's credentials").isEqualTo(LocalCloudStack.PROFILE_ACCESS_KEY);

            var credentials = target.credentials().resolveCredentials();
            assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
            assertThat(credentials.accessKeyId()).isEqualTo(FakeCloudFormation.SESSION_ACCESS_KEY);
            assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("session-token-for-" + request.parameters().get("RoleSessionName"));
            assertThat(stack.cloudFormation.requests("ListStackResources")).last()
                    .satisfies(list -> assertThat(list.accessKeyId()).as("CloudFormation read with the role's session").isEqualTo(
                            FakeCloudFormation.SESSION_ACCESS_KEY));
            assertThat(target.describe()).contains("role " + ROLE + " assumed with profile 'harness-test'");
        }
    }

    @Test
    void aRoleThatCannotBeAssumedIsNamedWithTheReason() {
        stack.cloudFormation.assumeRoleDenied = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole on resource: "
                + ROLE;

        assertThatThrownBy(() -> start(Map.of(Setting.ROLE_ARN.property(), ROLE))).isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("The aws target could not assume the role " + ROLE + " (session aws-test-harness-")
                .hasMessageContaining("with the credentials of the profile 'harness-test': AccessDenied: User: arn:aws:iam::123456789012:user/ci "
                        + "is not authorized to perform: sts:AssumeRole")
                .hasMessageContaining("The role's trust policy must allow sts:AssumeRole for those credentials");
    }

    @Test
    void aProfileWithoutCredentialsIsNamedWithHowToSignIn() {
        assertThatThrownBy(() -> start(Map.of(Setting.PROFILE.property(), LocalCloudStack.PROFILE_WITHOUT_CREDENTIALS)))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("The aws target found no usable AWS credentials in the profile 'no-credentials': ")
                .hasMessageEndingWith("Sign in (aws sso login --profile no-credentials, or aws configure), or name a profile with "
                        + "-Daws.test.harness.profile=my-profile (or the environment variable AWS_TEST_HARNESS_PROFILE) or AWS_PROFILE");
    }

    @Test
    void aStackThatDoesNotExistIsNamedWithHowToDeployIt() {
        assertThatThrownBy(() -> start(Map.of(Setting.STACK_NAME.property(), "no-such-stack"))).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("There is no stack 'no-such-stack' in us-east-1 (for the credentials' account): deploy the template first, e.g. "
                        + "sam deploy --template-file template.yaml --stack-name no-such-stack --capabilities CAPABILITY_IAM "
                        + "CAPABILITY_AUTO_EXPAND --resolve-s3, or correct aws.test.harness.stackName or the region (aws.test.harness.region)");
    }

    @Test
    void aStackWhoseCreationFailedIsRefusedWithTheReasonAndWhatToDo() {
        stack.stack.status = "ROLLBACK_COMPLETE";
        stack.stack.statusReason = "The following resource(s) failed to create: [AlphaAWSTestHarnessLambdaFunction]. Rollback requested by user.";

        assertThatThrownBy(() -> start(Map.of())).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("The stack 'harness-test-stack' is ROLLBACK_COMPLETE (The following resource(s) failed to create: "
                        + "[AlphaAWSTestHarnessLambdaFunction]. Rollback requested by user.), so the tests cannot run against it: its creation "
                        + "failed and it has no resources: look at its events (aws cloudformation describe-stack-events --stack-name "
                        + "harness-test-stack), delete it (aws cloudformation delete-stack --stack-name harness-test-stack) and deploy the template "
                        + "again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS", "DELETE_IN_PROGRESS"})
    void aStackBeingChangedIsRefusedUntilTheChangeIsDone(String status) {
        stack.stack.status = status;

        assertThatThrownBy(() -> start(Map.of())).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("The stack 'harness-test-stack' is " + status + ", so the tests cannot run against it: it is being changed: wait "
                        + "until that is done (aws cloudformation wait stack-update-complete --stack-name harness-test-stack, or "
                        + "stack-create-complete), then run the tests again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE"})
    void aStackWhoseResourcesAreInPlaceIsUsed(String status) {
        stack.stack.status = status;

        try (AwsTarget target = start(Map.of())) {
            assertThat(target.stack().status()).isEqualTo(status);
        }
    }

    @Test
    void aStackLackingDoublesTheTemplateDeclaresNamesEachMissingLogicalId() {
        stack.stack.without("BetaAWSTestHarnessECSTaskDefinition").without("AWSTestHarnessResultsTable").without("Echo");
        stack.stack.resource("AlphaAWSTestHarnessS3Bucket", "alpha-queue", "AWS::SQS::Queue");

        assertThatThrownBy(() -> start(Map.of())).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("The stack 'harness-test-stack' does not match classpath:harness-test/template.yaml: it has no "
                        + "AWSTestHarnessResultsTable (the harness's results table); AlphaAWSTestHarnessS3Bucket (the S3 bucket double Alpha) is "
                        + "a AWS::SQS::Queue, not a AWS::S3::Bucket; it has no BetaAWSTestHarnessECSTaskDefinition (the ECS task double Beta); "
                        + "it has no Echo (the state machine under test Echo). Deploy the template again (sam deploy), so that the "
                        + "AWSTestHarness-TestDoubles macro creates the doubles it declares");
    }

    @Test
    void resolvesResourcesOfNestedStacksByParentChildPaths() {
        FakeCloudFormation.Stack workflows = stack.nestedStack(stack.stack, "Workflows");
        String inner = stack.createPassStateMachine("inner-" + System.nanoTime(), "STANDARD");
        workflows.resource("Inner", inner, "AWS::StepFunctions::StateMachine");
        FakeCloudFormation.Stack deeper = stack.nestedStack(workflows, "Deeper");
        deeper.resource("Archive", "archive-bucket-name", "AWS::S3::Bucket");
        try (AwsTarget target = start(Map.of())) {
            assertThat(target.nestedResource("Workflows::Inner")).hasValueSatisfying(resource -> {
                assertThat(resource.refText()).isEqualTo(inner);
                assertThat(resource.type()).isEqualTo("AWS::StepFunctions::StateMachine");
            });
            assertThat(target.nestedResource("Workflows::Deeper::Archive")).hasValueSatisfying(resource ->
                    assertThat(resource.attribute("Arn")).isEqualTo("arn:aws:s3:::archive-bucket-name"));
            assertThatThrownBy(() -> target.nestedResource("Workflows::Nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The nested stack 'harness-test-stack::Workflows' has no resource 'Nope' (to resolve Workflows::Nope); its "
                            + "resources are Deeper, Inner");
            assertThatThrownBy(() -> target.nestedResource("Tiny::Inner")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The stack 'harness-test-stack' has no nested stack 'Tiny' (to read harness-test-stack::Tiny): Tiny is a "
                            + "AWS::StepFunctions::StateMachine; its nested stacks are Workflows");
        } finally {
            stack.stack.without("Workflows");
        }
    }

    @Test
    void theStackMayItselfBeANestedStackOfAnother() {
        FakeCloudFormation.Stack outer = stack.cloudFormation.stack("outer-application");
        outer.resource("HarnessTests", stack.stack.stackId, StackReader.NESTED_STACK_TYPE);

        try (AwsTarget target = start(Map.of(Setting.STACK_NAME.property(), "outer-application::HarnessTests"))) {
            assertThat(target.stack().stackId()).isEqualTo(stack.stack.stackId);
            assertThat(target.resources().lambdaFunction("Alpha")).isEqualTo(stack.local.resources().lambdaFunction("Alpha"));
        } finally {
            stack.cloudFormation.remove("outer-application");
        }
    }

    @Test
    void aSecondTargetForTheSameStackInOneJvmIsRefused() {
        try (AwsTarget first = start(Map.of())) {
            assertThat(first.lease()).isNotNull();
            assertThatThrownBy(() -> start(Map.of())).isInstanceOf(TargetUnavailableException.class)
                    .hasMessage("The stack 'harness-test-stack' in us-east-1 is already in use by another run of the harness in this JVM (for "
                            + "the template classpath:harness-test/template.yaml): two runs against one stack would take each other's invocations");
        }
        try (AwsTarget again = start(Map.of())) {
            assertThat(again.lease()).isNotNull();
        }
    }

    @Test
    void theDefaultExecutionTimeoutOnAwsAllowsForFargateAndCanBeConfigured() {
        try (AwsTarget target = start(Map.of())) {
            assertThat(target.defaultExecutionTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(target.polling().max()).isEqualTo(Duration.ofSeconds(1));
        }
        try (AwsTarget target = start(Map.of(Setting.EXECUTION_TIMEOUT.property(), "90s"))) {
            assertThat(target.defaultExecutionTimeout()).isEqualTo(Duration.ofSeconds(90));
        }
    }
}
