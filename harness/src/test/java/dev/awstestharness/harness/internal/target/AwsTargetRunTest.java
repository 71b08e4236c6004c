package dev.awstestharness.harness.internal.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.fixtures.Fixtures;
import dev.awstestharness.harness.fixtures.NestedRunTestCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a real {@code @AwsTestHarness} test class with the aws target's configuration (target, stack name, profile, role
 * to assume) through the JUnit Platform, against {@link LocalCloudStack}: the same tests, configuration only.
 */
class AwsTargetRunTest {
    private static final String FIXTURE = "dev.awstestharness.harness.fixtures.AwsTargetTestCase";
    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-test-harness-tester";
    private static LocalCloudStack stack;
    private static AutoCloseable asTheAwsTarget;
    private static String inner;

    @BeforeAll
    static void deploy() {
        stack = LocalCloudStack.deploy(Fixtures.TEMPLATE, "harness-on-aws");
        FakeCloudFormation.Stack workflows = stack.nestedStack(stack.stack, "Workflows");
        inner = stack.createPassStateMachine("Inner", "STANDARD");
        workflows.resource("Inner", inner, "AWS::StepFunctions::StateMachine");
        asTheAwsTarget = stack.asTheAwsTarget(Duration.ofMinutes(2));
    }

    @AfterAll
    static void undeploy() throws Exception {
        asTheAwsTarget.close();
        stack.close();
    }

    private static Map<String, String> awsConfiguration() {
        Map<String, String> configuration = new LinkedHashMap<>(stack.settings());
        configuration.put(Setting.ROLE_ARN.property(), ROLE);
        return configuration;
    }

    private static EngineExecutionResults run(Map<String, String> configuration) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return EngineTestKit.engine("junit-jupiter").configurationParameters(configuration).selectors(selectClass(FIXTURE)).execute();
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void theSameTestsRunOnTheAwsTargetWithConfigurationOnly() {
        int assumedBefore = stack.cloudFormation.requests("AssumeRole").size();

        EngineExecutionResults results = run(awsConfiguration());

        results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(7).failed(0));
        assertThat(Fixtures.OBSERVED.get("aws.kind")).isEqualTo("aws");
        assertThat(Fixtures.OBSERVED.get("aws.region")).isEqualTo("us-east-1");
        assertThat(Fixtures.OBSERVED.get("aws.defaultExecutionTimeout")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Fixtures.OBSERVED.get("aws.eventsQueue")).isEqualTo(stack.local.resources().eventsQueueUrl());
        assertThat(Fixtures.OBSERVED.get("aws.tiny")).isEqualTo(stack.local.resources().stateMachine("Tiny"));
        assertThat(Fixtures.OBSERVED.get("aws.alphaFunctionArn")).isEqualTo(stack.local.clients().lambda()
                .getFunction(r -> r.functionName(stack.local.resources().lambdaFunction("Alpha"))).configuration().functionArn());
        assertThat((String) Fixtures.OBSERVED.get("aws.describe")).startsWith("aws stack 'harness-on-aws' in us-east-1 (account 123456789012, "
                + "role " + ROLE + " assumed with profile 'harness-test', template classpath:harness-test/template.yaml, resolved in ");
        assertThat(((JsonNode) Fixtures.OBSERVED.get("aws.nested.output")).get("from").asText()).isEqualTo("Inner");
        assertThat(Fixtures.OBSERVED.get("aws.nested.ref")).isEqualTo(inner);
        assertThat((String) Fixtures.OBSERVED.get("aws.timeout")).contains(" was still RUNNING after 2 s, in state 'Run Alpha task', which is "
                + "waiting for the ECS task container doubles Alpha#Red, Alpha#Green, which have not called in yet (on AWS a Fargate task takes "
                + "30 to 90 s to be provisioned and pull its image); give a longer timeout with execute(input, timeout)");
        assertThat(stack.cloudFormation.requests("AssumeRole")).hasSize(assumedBefore + 1);
        assertThat(StackLease.read(stack.local.clients().s3(), stack.local.resources().testContextBucket(), Duration.ofMinutes(2)))
                .as("the lease, after the run").isNull();
    }

    @Test
    void runsNestedInARunShareItsTargetBetweenTestsAndAreRefusedWithinOne() {
        Map<String, String> configuration = awsConfiguration();
        NestedRunTestCase.configuration = configuration;
        int assumedBefore = stack.cloudFormation.requests("AssumeRole").size();

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration)
                .selectors(selectClass(NestedRunTestCase.class)).execute();

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        assertThat(Fixtures.OBSERVED.get("nested.betweenTests.succeeded")).isEqualTo(1L);
        assertThat(Fixtures.OBSERVED.get("nested.betweenTests.failed")).isEqualTo(0L);
        assertThat((String) Fixtures.OBSERVED.get("nested.fromATest")).isEqualTo("Inner.callsALambdaFunctionDouble(TestHarness) cannot start: "
                + "the test NestedRunTestCase.runsTestsOfTheSameTemplateFromWithinATest(TestHarness) of the same template and target is running "
                + "on this thread (it runs other tests through the JUnit Platform); tests of one template take turns, so this one would wait "
                + "for ever. Run the nested tests from a test that does not use the harness");
        assertThat(stack.cloudFormation.requests("AssumeRole")).as("one target for the run and the runs nested in it").hasSize(assumedBefore + 1);
    }

    @Test
    void aRunAgainstAStackThatAnotherRunHoldsFailsFastNamingThatRun() {
        StackLease.Holder other = new StackLease.Holder("other-run", "erin", "ci-12", 31337, "template.yaml", Instant.parse("2025-03-01T08:00:00Z"));
        try (StackLease held = StackLease.acquire(stack.local.clients().s3(), stack.local.resources().testContextBucket(),
                "stack 'harness-on-aws' in us-east-1", other, Duration.ofMinutes(2))) {
            long started = System.nanoTime();

            EngineExecutionResults results = run(awsConfiguration());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            results.testEvents().assertStatistics(stats -> stats.started(0));
            results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                    message(text -> text.startsWith("The stack 'harness-on-aws' in us-east-1 is in use by another test run: erin@ci-12 (pid 31337, "
                            + "template template.yaml, since 2025-03-01 08:00:00 UTC), whose lease expires at ")))));
            held.check();
        }
    }

    @Test
    void aMissingStackNameFailsTheClassSayingWhichSettingToGive() {
        Map<String, String> configuration = awsConfiguration();
        configuration.remove(Setting.STACK_NAME.property());

        run(configuration).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message("The aws target needs the name of the stack deployed from the "
                        + "template: set -Daws.test.harness.stackName=my-test-stack (or the environment variable AWS_TEST_HARNESS_STACK_NAME); "
                        + "a nested stack is Parent::Child (its logical id in the parent stack)"))));
    }

    @Test
    void aStackInRollbackCompleteFailsTheClassWithWhatToDo() {
        stack.stack.status = "ROLLBACK_COMPLETE";
        try {
            run(awsConfiguration()).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message(text -> text.startsWith(
                            "The stack 'harness-on-aws' is ROLLBACK_COMPLETE, so the tests cannot run against it: its creation failed")))));
        } finally {
            stack.stack.status = "UPDATE_COMPLETE";
        }
    }
}
