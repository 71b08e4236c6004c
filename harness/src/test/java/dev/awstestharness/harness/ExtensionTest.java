package dev.awstestharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.awstestharness.harness.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs the fixtures in {@code dev.awstestharness.harness.fixtures} through the JUnit Platform and checks how they end. */
class ExtensionTest {
    @Nested
    class UnhandledInvocations {
        @Test
        void anInvocationWithoutATwinFailsAtOnceAndFailsTheTest() {
            Events tests = run("dev.awstestharness.harness.fixtures.NoTwinTestCase").testEvents();

            tests.assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
            tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(AssertionError.class), message(
                    "1 invocation of a test double was not handled by the test (each was answered at once with the error shown):\n"
                            + "  1. AwsTestHarness.NoTwin: The Lambda function double 'Alpha' was called, but the test registered no twin for "
                            + "it (no twin is registered); register one with harness.twinLambdaFunction(\"Alpha\", event -> ...)"))));
            ExecutionFailure failure = (ExecutionFailure) Fixtures.OBSERVED.get("noTwin.failure");
            assertThat(failure.error()).isEqualTo("AwsTestHarness.NoTwin");
            assertThat(Json.json(failure.cause()).get("errorMessage").asText()).startsWith("The Lambda function double 'Alpha' was called");
            assertThat((Long) Fixtures.OBSERVED.get("noTwin.millis")).as("milliseconds until the execution failed").isLessThan(5_000);
        }

        @Test
        void twinsThatThrowOrAnswerWronglyFailTheirInvocationsAndTheTest() {
            Events tests = run("dev.awstestharness.harness.fixtures.FailingTwinsTestCase").testEvents();

            tests.assertStatistics(stats -> stats.started(1).failed(1));
            Throwable thrown = tests.failed().stream().findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .orElseThrow().getThrowable().orElseThrow();
            assertThat(thrown).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("3 invocations of test doubles were not handled by the test")
                    .hasMessageContaining("AwsTestHarness.TwinFailed: The twin of the Lambda function double 'Alpha' threw "
                            + "java.lang.IllegalStateException: boom")
                    .hasMessageContaining("AwsTestHarness.TwinFailed: The twin of the state machine double 'Alpha' returned an ExitCode, which "
                            + "only ECS task container twins can return")
                    .hasMessageContaining("AwsTestHarness.TwinFailed: The twin of the container 'Red' of the ECS task double 'Alpha' threw "
                            + "java.lang.UnsupportedOperationException: red is broken");
            assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactlyInAnyOrder("boom", "red is broken");

            ExecutionFailure lambda = (ExecutionFailure) Fixtures.OBSERVED.get("failing.lambda");
            assertThat(lambda.error()).isEqualTo("AwsTestHarness.TwinFailed");
            ExecutionFailure stateMachine = (ExecutionFailure) Fixtures.OBSERVED.get("failing.stateMachine");
            assertThat(stateMachine.error()).isEqualTo("States.TaskFailed");
            assertThat(Json.json(stateMachine.cause()).get("Error").asText()).isEqualTo("AwsTestHarness.TwinFailed");
            ExecutionFailure ecs = (ExecutionFailure) Fixtures.OBSERVED.get("failing.ecs");
            assertThat(ecs.error()).isEqualTo("States.TaskFailed");
            assertThat(EcsTaskContainerTwinTest.exitCodes(Json.json(ecs.cause()))).containsEntry("Red", 1).containsEntry("Green", 0);
        }

        @Test
        void aFailedTestPrintsItsExecutionsWithTheirHistoryAndItsTwinsInvocations() {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                EngineTestKit.engine("junit-jupiter").selectors(selectClass("dev.awstestharness.harness.fixtures.DiagnosticsTestCase")).execute()
                        .testEvents().assertStatistics(stats -> stats.failed(1));
            } finally {
                System.setErr(original);
            }
            String printed = captured.toString(StandardCharsets.UTF_8);

            assertThat(printed)
                    .contains("aws-test-harness: DiagnosticsTestCase.failsOnAnAssertion(TestHarness) failed (session ")
                    .contains("execution '")
                    .contains("status FAILED")
                    .contains("ExecutionStarted")
                    .containsPattern("TaskStateEntered\\s+'Invoke Alpha'")
                    .contains("ExecutionFailed")
                    .contains("diagnose me")
                    .contains("Twin of the Lambda function double 'Alpha': 1 invocation")
                    .contains("1. {\"value\":99}");
        }
    }

    @Nested
    class Injection {
        @Test
        void aParameterOfAnotherHarnessTypeIsAClearError() {
            run("dev.awstestharness.harness.fixtures.ParameterTestCase$OfAnotherHarnessType").testEvents().assertThatEvents().haveExactly(1,
                    event(finishedWithFailure(instanceOf(ParameterResolutionException.class), message(text -> text.startsWith(
                            "@AwsTestHarness injects TestHarness only, but parameter 0")
                            && text.endsWith("of OfAnotherHarnessType.takesAnS3Bucket is a S3Bucket; take a TestHarness parameter and get the "
                                    + "S3Bucket from it")))));
        }

        @Test
        void aHarnessInABeforeAllMethodIsAClearError() {
            run("dev.awstestharness.harness.fixtures.ParameterTestCase$InBeforeAll").containerEvents().assertThatEvents().haveExactly(1,
                    event(finishedWithFailure(instanceOf(ParameterResolutionException.class), message(text -> text.startsWith(
                            "A TestHarness belongs to one test, but parameter 0") && text.contains("of InBeforeAll.setUp runs outside a test")))));
        }

        @Test
        void aStaticHarnessFieldIsAClearError() {
            run("dev.awstestharness.harness.fixtures.ParameterTestCase$InAStaticField").testEvents().assertThatEvents().haveExactly(1,
                    event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(
                            "The TestHarness field InAStaticField.harness is static; make it an instance field: each test gets its own harness"))));
        }
    }

    @Nested
    class Targets {
        @Test
        void theAwsTargetWithoutAStackNameSaysWhichSettingToGive() {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("aws.test.harness.target", "aws")
                    .selectors(selectClass("dev.awstestharness.harness.fixtures.TargetTestCase$OnTheConfiguredTarget"))
                    .execute();

            results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message("The aws target needs the name of the stack deployed from the "
                            + "template: set -Daws.test.harness.stackName=my-test-stack (or the environment variable AWS_TEST_HARNESS_STACK_NAME); "
                            + "a nested stack is Parent::Child (its logical id in the parent stack)"))));
        }

        @Test
        void anInvalidExecutionTimeoutIsNamed() {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("aws.test.harness.executionTimeout", "soon")
                    .selectors(selectClass("dev.awstestharness.harness.fixtures.TargetTestCase$OnTheConfiguredTarget"))
                    .execute();

            results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message("aws.test.harness.executionTimeout must be a positive duration such "
                            + "as 300s, 5m or PT5M, but the system property or JUnit configuration parameter aws.test.harness.executionTimeout "
                            + "is 'soon'"))));
        }

        @Test
        void anUnknownTargetIsNamed() {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("aws.test.harness.target", "mars")
                    .selectors(selectClass("dev.awstestharness.harness.fixtures.TargetTestCase$OnTheConfiguredTarget"))
                    .execute();

            results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message(text -> text.startsWith("Unknown target 'mars'")))));
        }

        @Test
        void anInvalidWaitScaleIsNamed() {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameter("aws.test.harness.waitScale", "fast")
                    .selectors(selectClass("dev.awstestharness.harness.fixtures.TargetTestCase$OnTheConfiguredTarget"))
                    .execute();

            results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class), message(text -> text.startsWith(
                            "aws.test.harness.waitScale must be a number of 0 or more") && text.endsWith("but was 'fast'")))));
        }

        @Test
        void aBrokenTemplateFailsTheClassNamingTheFileAndTheField() {
            run("dev.awstestharness.harness.fixtures.TargetTestCase$WithABrokenTemplate").containerEvents().assertThatEvents().haveExactly(1,
                    event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(text -> text.startsWith(
                            "classpath:harness-test/broken/template.yaml: Parameters.AWSTestHarnessDynamoDBTables.Default: is not valid JSON: ")))));
        }

        @Test
        void aMissingTemplateIsNamed() {
            run("dev.awstestharness.harness.fixtures.TargetTestCase$WithAMissingTemplate").containerEvents().assertThatEvents().haveExactly(1,
                    event(finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(text -> text.startsWith(
                            "The template 'harness-test/missing.yaml' is neither a file (") && text.endsWith("nor a classpath resource")))));
        }
    }

    /** Runs a fixture class, keeping what the harness prints for its failed tests out of the build's output. */
    private static EngineExecutionResults run(String className) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(className)).execute();
        } finally {
            System.setErr(original);
        }
    }
}
