package dev.awstestharness.doubles.statemachine;

import static dev.awstestharness.doubles.LocalDoubles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.LocalDoubles;
import dev.awstestharness.doubles.TestResponder;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.TestContextBucket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The double state machine in the local Step Functions, started directly and by parents with every pattern. */
@SuppressWarnings("try") // a responder answers while it is open
class DoubleStateMachineTest {
    static LocalDoubles doubles;
    LocalDoubles.Session session;

    @BeforeAll
    static void start() {
        doubles = new LocalDoubles();
    }

    @AfterAll
    static void stop() {
        doubles.close();
    }

    @BeforeEach
    void newSession() {
        session = doubles.newSession();
    }

    String doubleStateMachine(String doubleName, int timeoutSeconds) {
        return createStateMachine(doubleName + "AWSTestHarnessStateMachine",
                DoubleStateMachine.definition(doubleName, session.queueUrl, session.bucket, timeoutSeconds));
    }

    String doubleStateMachine(String doubleName) {
        return doubleStateMachine(doubleName, DoubleStateMachine.DEFAULT_RESULT_TIMEOUT_SECONDS);
    }

    static String createStateMachine(String name, String definition) {
        return doubles.sfn.createStateMachine(r -> r.name(LocalDoubles.uniqueName(name)).roleArn(LocalDoubles.ROLE).definition(definition))
                .stateMachineArn();
    }

    /** A parent whose only state starts {@code child} with {@code resource}, passing the value, its id and its token. */
    static String parent(String resource, String child) {
        boolean callback = resource.endsWith(".waitForTaskToken");
        return createStateMachine("Parent", """
                {"StartAt": "Start child", "States": {"Start child": {"Type": "Task", "Resource": "%s",
                  "Parameters": {"StateMachineArn": "%s", "Input": {"value.$": "$.value",
                    "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"%s}},
                  "End": true}}}""".formatted(resource, child, callback ? ", \"AWS_STEP_FUNCTIONS_TASK_TOKEN.$\": \"$$.Task.Token\"" : ""));
    }

    static String start(String stateMachineArn, String input) {
        return doubles.sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).input(input)).executionArn();
    }

    static DescribeExecutionResponse awaitFinished(String executionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse execution = doubles.sfn.describeExecution(r -> r.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) return execution;
            LocalDoubles.sleep(Duration.ofMillis(2));
        }
    }

    static DescribeExecutionResponse awaitFinished(String executionArn) {
        return awaitFinished(executionArn, Duration.ofSeconds(10));
    }

    static InvocationResult tripleTheValue(Invocation invocation) {
        return InvocationResult.value(json("{\"result\":" + invocation.payload().get("value").asInt() * 3 + "}"));
    }

    @Nested
    class StartedDirectly {
        @Test
        void theExecutionsOutputIsExactlyTheTwinsValue() {
            String machine = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {

                DescribeExecutionResponse execution = awaitFinished(start(machine, "{\"value\":4}"));

                assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(json(execution.output())).isEqualTo(json("{\"result\":12}"));
            }
        }

        @Test
        void theInvocationCarriesTheInputTheExecutionIdTheSessionAndTheTaskToken() throws Exception {
            String machine = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {
                String execution = start(machine, "{\"value\":4,\"nested\":{\"list\":[1,\"two\"]}}");
                awaitFinished(execution);

                TestResponder.Received received = responder.awaitReceived(1).get(0);
                Invocation invocation = received.invocation();
                assertThat(invocation.kind()).isEqualTo(DoubleKind.STATE_MACHINE);
                assertThat(invocation.target()).isEqualTo("First");
                assertThat(invocation.invocationId()).isEqualTo(execution);
                assertThat(invocation.payload()).isEqualTo(json("{\"value\":4,\"nested\":{\"list\":[1,\"two\"]}}"));
                assertThat(invocation.sessionId()).isEqualTo(session.sessionId);
                assertThat(invocation.taskToken()).isNotBlank();
                assertThat(received.attributes()).containsEntry(EventsQueue.SESSION_ATTRIBUTE, session.sessionId)
                        .containsEntry(EventsQueue.KIND_ATTRIBUTE, "STATE_MACHINE");
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(execution.getBytes(StandardCharsets.UTF_8)));
                assertThat(received.messageGroupId()).isEqualTo(digest);
                assertThat(received.deduplicationId()).isEqualTo(digest);
            }
        }

        @Test
        void valuesOfEveryJsonTypeBecomeTheOutput() {
            String machine = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> InvocationResult.value(invocation.payload().get("answer")))) {
                for (String value : new String[] {"\"text\"", "42", "true", "null", "[1,{\"a\":2}]", "{}"}) {
                    DescribeExecutionResponse execution = awaitFinished(start(machine, "{\"answer\":" + value + "}"));
                    assertThat(execution.status()).as(value).isEqualTo(ExecutionStatus.SUCCEEDED);
                    assertThat(json(execution.output())).as(value).isEqualTo(json(value));
                }
            }
        }

        @Test
        void aTwinsFailureFailsTheExecutionWithItsErrorAndCause() {
            String machine = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> InvocationResult.failure("TheErrorCode", "the failure cause"))) {

                DescribeExecutionResponse execution = awaitFinished(start(machine, "{\"value\":4}"));

                assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(execution.error()).isEqualTo("TheErrorCode");
                assertThat(execution.cause()).isEqualTo("the failure cause");
            }
        }

        @Test
        void aTwinsFailureWithStatesTimeoutKeepsItsCause() {
            String machine = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> InvocationResult.failure("States.Timeout", "the child timed out"))) {

                DescribeExecutionResponse execution = awaitFinished(start(machine, "{}"));

                assertThat(execution.error()).isEqualTo("States.Timeout");
                assertThat(execution.cause()).isEqualTo("the child timed out");
            }
        }

        @Test
        void withoutAnAnswerTheExecutionFailsNamingTheDoubleAndTheInvocation() {
            String machine = doubleStateMachine("First", 1);
            try (TestResponder responder = session.respondWith(invocation -> null)) {
                String execution = start(machine, "{}");

                DescribeExecutionResponse finished = awaitFinished(execution);

                assertThat(finished.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(finished.error()).isEqualTo("AwsTestHarness.NoAnswer");
                assertThat(finished.cause()).isEqualTo("No answer from the harness for invocation " + execution + " of state machine double "
                        + "'First' within 1 seconds; is the test's harness running and is its session current?");
            }
        }

        @Test
        void withoutASessionTheExecutionFailsSayingWhatItCouldNotRead() {
            String machine = doubleStateMachine("First");
            doubles.s3.deleteObject(r -> r.bucket(session.bucket).key(TestContextBucket.SESSION_KEY));

            DescribeExecutionResponse execution = awaitFinished(start(machine, "{}"));

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("S3.NoSuchKeyException");
            assertThat(execution.cause()).startsWith("The state machine double 'First' could not read the mocking session id (object "
                    + "mocking-session-id of the test-context bucket " + session.bucket + "); the harness writes it before each test. ");
        }

        @Test
        void concurrentExecutionsEachGetTheirOwnAnswer() {
            String machine = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {
                String[] executions = new String[30];
                for (int i = 0; i < executions.length; i++) executions[i] = start(machine, "{\"value\":" + i + "}");

                for (int i = 0; i < executions.length; i++) {
                    assertThat(json(awaitFinished(executions[i]).output())).isEqualTo(json("{\"result\":" + i * 3 + "}"));
                }
            }
        }
    }

    @Nested
    class StartedByAParent {
        @Test
        void requestResponseStartsItAndItRunsToTheTwinsValue() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {

                DescribeExecutionResponse parent = awaitFinished(start(parent("arn:aws:states:::states:startExecution", child), "{\"value\":4}"));

                assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                String childExecution = json(parent.output()).get("ExecutionArn").asText();
                assertThat(json(awaitFinished(childExecution).output())).isEqualTo(json("{\"result\":12}"));
            }
        }

        @Test
        void syncReturnsTheTwinsValueAsTheOutputString() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {

                DescribeExecutionResponse parent = awaitFinished(start(parent("arn:aws:states:::states:startExecution.sync", child), "{\"value\":4}"));

                assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                JsonNode output = json(parent.output());
                assertThat(output.get("Output").isTextual()).isTrue();
                assertThat(json(output.get("Output").asText())).isEqualTo(json("{\"result\":12}"));
                assertThat(output.get("Status").asText()).isEqualTo("SUCCEEDED");
            }
        }

        @Test
        void sync2ReturnsTheTwinsValueAsJson() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {
                String parentExecution = start(parent("arn:aws:states:::states:startExecution.sync:2", child), "{\"value\":4}");

                DescribeExecutionResponse parent = awaitFinished(parentExecution);

                assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(json(parent.output()).get("Output")).isEqualTo(json("{\"result\":12}"));
                assertThat(responder.received()).singleElement().satisfies(received -> assertThat(received.invocation().payload())
                        .isEqualTo(json("{\"value\":4,\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID\":\"" + parentExecution + "\"}")));
            }
        }

        @Test
        void syncFailsTheParentWithTaskFailedAndTheTwinsErrorAndCauseInTheCause() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> InvocationResult.failure("TheErrorCode", "the failure cause"))) {

                DescribeExecutionResponse parent = awaitFinished(start(parent("arn:aws:states:::states:startExecution.sync", child), "{\"value\":4}"));

                assertThat(parent.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(parent.error()).isEqualTo("States.TaskFailed");
                JsonNode cause = json(parent.cause());
                assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
                assertThat(cause.get("Error").asText()).isEqualTo("TheErrorCode");
                assertThat(cause.get("Cause").asText()).isEqualTo("the failure cause");
            }
        }

        @Test
        void sync2FailsTheParentWithTaskFailedAndTheTwinsErrorAndCauseInTheCause() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> InvocationResult.failure("TheErrorCode", "the failure cause"))) {

                DescribeExecutionResponse parent = awaitFinished(start(parent("arn:aws:states:::states:startExecution.sync:2", child), "{\"value\":4}"));

                assertThat(parent.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(parent.error()).isEqualTo("States.TaskFailed");
                JsonNode cause = json(parent.cause());
                assertThat(cause.get("Error").asText()).isEqualTo("TheErrorCode");
                assertThat(cause.get("Cause").asText()).isEqualTo("the failure cause");
            }
        }

        @Test
        void waitForTaskTokenEndsWhenTheTwinCallsBackOnTheParentsToken() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> {
                String parentToken = invocation.payload().get("AWS_STEP_FUNCTIONS_TASK_TOKEN").asText();
                doubles.sfn.sendTaskSuccess(r -> r.taskToken(parentToken).output("{\"calledBack\":" + invocation.payload().get("value") + "}"));
                return InvocationResult.value(json("{\"childDone\":true}"));
            })) {
                DescribeExecutionResponse parent = awaitFinished(start(parent("arn:aws:states:::states:startExecution.waitForTaskToken", child),
                        "{\"value\":4}"));

                assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(json(parent.output())).isEqualTo(json("{\"calledBack\":4}"));
                String childExecution = responder.received().get(0).invocation().invocationId();
                assertThat(json(awaitFinished(childExecution).output())).isEqualTo(json("{\"childDone\":true}"));
            }
        }

        @Test
        void waitForTaskTokenFailsWhenTheTwinCallsBackWithAFailure() {
            String child = doubleStateMachine("First");
            try (TestResponder responder = session.respondWith(invocation -> {
                String parentToken = invocation.payload().get("AWS_STEP_FUNCTIONS_TASK_TOKEN").asText();
                doubles.sfn.sendTaskFailure(r -> r.taskToken(parentToken).error("ProcessingError").cause("Failed to process input data"));
                return InvocationResult.failure("ProcessingError", "Failed to process input data");
            })) {
                DescribeExecutionResponse parent = awaitFinished(start(parent("arn:aws:states:::states:startExecution.waitForTaskToken", child),
                        "{\"value\":4}"));

                assertThat(parent.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(parent.error()).isEqualTo("ProcessingError");
                assertThat(parent.cause()).isEqualTo("Failed to process input data");
            }
        }
    }

    @Nested
    class Definition {
        @Test
        void substitutesTheDoublesValuesAsJsonStrings() {
            JsonNode definition = json(DoubleStateMachine.definition("Odd \"name\" \\ {x}", "https://sqs.example/q.fifo", "bucket-1", 42));

            JsonNode asking = definition.at("/States/Ask the harness");
            assertThat(definition.at("/States/Describe invocation/Parameters/target").asText()).isEqualTo("Odd \"name\" \\ {x}");
            assertThat(asking.at("/Parameters/QueueUrl").asText()).isEqualTo("https://sqs.example/q.fifo");
            assertThat(asking.at("/Resource").asText()).isEqualTo("arn:aws:states:::sqs:sendMessage.waitForTaskToken");
            assertThat(asking.at("/TimeoutSeconds").asInt()).isEqualTo(42);
            assertThat(definition.at("/States/Read mocking session/Parameters/Bucket").asText()).isEqualTo("bucket-1");
            assertThat(definition.at("/States/Read mocking session/Parameters/Key").asText()).isEqualTo(TestContextBucket.SESSION_KEY);
            assertThat(definition.at("/States/No answer/CausePath").asText()).contains("within 42 seconds");
            assertThat(definition.toString()).doesNotContain("${");
        }

        @Test
        void theTemplateKeepsThePlaceholdersForCloudFormation() {
            String template = DoubleStateMachine.definitionTemplate(10);

            assertThat(template).contains("\"${DoubleName}\"", "\"${EventsQueueUrl}\"", "\"${TestContextBucketName}\"",
                            "\"arn:${Partition}:states:::sqs:sendMessage.waitForTaskToken\"", "\"arn:${Partition}:states:::aws-sdk:s3:getObject\"")
                    .doesNotContain("${ResultTimeoutSeconds}");
            assertThat(json(template).at("/States/Ask the harness/TimeoutSeconds").asInt()).isEqualTo(10);
            assertThat(DoubleStateMachine.definitionTemplate()).isEqualTo(DoubleStateMachine.definitionTemplate(
                    DoubleStateMachine.DEFAULT_RESULT_TIMEOUT_SECONDS));
        }

        @Test
        void aStateMachineCreatedFromTheTemplateWithItsPlaceholdersReplacedWorks() {
            String definition = DoubleStateMachine.definitionTemplate().replace("${DoubleName}", "Second")
                    .replace("${EventsQueueUrl}", session.queueUrl).replace("${TestContextBucketName}", session.bucket)
                    .replace("${Partition}", "aws");
            String machine = createStateMachine("SecondAWSTestHarnessStateMachine", definition);
            try (TestResponder responder = session.respondWith(DoubleStateMachineTest::tripleTheValue)) {

                DescribeExecutionResponse execution = awaitFinished(start(machine, "{\"value\":1}"));

                assertThat(json(execution.output())).isEqualTo(json("{\"result\":3}"));
                assertThat(responder.received().get(0).invocation().target()).isEqualTo("Second");
            }
        }
    }
}
