package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskPatternsTest {
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private final BlockingQueue<TaskRequest> requests = new ArrayBlockingQueue<>(100);
    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();

    @AfterEach
    void close() {
        interpreter.close();
    }

    private static String task(String resource, String extra) {
        return """
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "%s", %s "End": true}}}"""
                .formatted(resource, extra.isEmpty() ? "" : extra + ",");
    }

    private TaskRequest nextRequest() throws InterruptedException {
        TaskRequest request = requests.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("a task request").isNotNull();
        return request;
    }

    /** An integration that records each request and answers with what {@code answer} returns. */
    private ServiceIntegration recording(java.util.function.Function<TaskRequest, CompletableFuture<JsonNode>> answer,
            Set<IntegrationPattern> patterns) {
        return new ServiceIntegration() {
            @Override
            public CompletableFuture<JsonNode> invoke(TaskRequest request) {
                requests.add(request);
                return answer.apply(request);
            }

            @Override
            public Set<IntegrationPattern> patterns() {
                return patterns;
            }
        };
    }

    @Nested
    class RequestResponse {
        @Test
        void theTaskResultGoesThroughResultSelectorAndResultPath() throws Exception {
            interpreter.integrations().register(LAMBDA_INVOKE, recording(request -> CompletableFuture.completedFuture(
                    json("{\"Payload\": {\"doubled\": " + request.parameters().at("/Payload/value").asInt() * 2 + "}, \"StatusCode\": 200}")),
                    EnumSet.of(IntegrationPattern.REQUEST_RESPONSE)));

            Execution execution = run(interpreter, task(LAMBDA_INVOKE, """
                    "Parameters": {"FunctionName": "Doubler", "Payload": {"value.$": "$.value"}},
                    "ResultSelector": {"result.$": "$.Payload.doubled"},
                    "ResultPath": "$.call\""""), "{\"value\": 21}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo(json("{\"value\": 21, \"call\": {\"result\": 42}}"));
            TaskRequest request = nextRequest();
            assertThat(request.pattern()).isEqualTo(IntegrationPattern.REQUEST_RESPONSE);
            assertThat(request.parameters()).isEqualTo(json("{\"FunctionName\": \"Doubler\", \"Payload\": {\"value\": 21}}"));
            assertThat(request.stateName()).isEqualTo("Call");
            assertThat(request.executionArn()).isEqualTo(execution.executionArn());
            assertThat(request.taskToken()).isNull();
        }

        @Test
        void theHistoryShowsTheTaskEventsWithAwsDetails() {
            interpreter.integrations().register(LAMBDA_INVOKE, request -> CompletableFuture.completedFuture(json("{\"Payload\": 1}")));

            Execution execution = run(interpreter, task(LAMBDA_INVOKE, "\"Parameters\": {\"FunctionName\": \"F\"}"), "{}");

            assertThat(eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                    "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
            HistoryEvent scheduled = execution.history().get(2);
            assertThat(scheduled.detailsKey()).isEqualTo("taskScheduledEventDetails");
            assertThat(scheduled.details().get("resourceType").asText()).isEqualTo("lambda");
            assertThat(scheduled.details().get("resource").asText()).isEqualTo("invoke");
            assertThat(scheduled.details().get("region").asText()).isEqualTo("us-east-1");
            assertThat(json(scheduled.details().get("parameters").asText())).isEqualTo(json("{\"FunctionName\": \"F\"}"));
            assertThat(execution.history()).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        }

        @Test
        void aBareLambdaFunctionArnRecordsLambdaFunctionEvents() {
            String function = "arn:aws:lambda:us-east-1:123456789012:function:Echo";
            interpreter.integrations().register("arn:aws:lambda:", request -> CompletableFuture.completedFuture(request.parameters()));

            Execution execution = run(interpreter, task(function, ""), "{\"a\": 1}");

            assertThat(execution.output()).isEqualTo(json("{\"a\": 1}"));
            assertThat(eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                    "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded");
        }

        @Test
        void anIntegrationErrorFailsTheTaskWithItsErrorAndCause() {
            interpreter.integrations().register(LAMBDA_INVOKE, request -> {
                throw new StatesError("Lambda.Unknown", "the function does not exist");
            });

            Execution execution = run(interpreter, task(LAMBDA_INVOKE, ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("Lambda.Unknown");
            assertThat(execution.cause()).isEqualTo("the function does not exist");
            assertThat(eventTypes(execution)).contains("TaskFailed").last().isEqualTo("ExecutionFailed");
        }

        @Test
        void anUnexpectedIntegrationExceptionIsATaskFailureNamingTheResource() {
            interpreter.integrations().register(LAMBDA_INVOKE,
                    request -> CompletableFuture.failedFuture(new IllegalStateException("connection refused")));

            Execution execution = run(interpreter, task(LAMBDA_INVOKE, ""), "{}");

            assertThat(execution.error()).isEqualTo("States.TaskFailed");
            assertThat(execution.cause()).contains(LAMBDA_INVOKE).contains("connection refused");
        }

        @Test
        void aResourceWithoutIntegrationFailsWithAnErrorNamingIt() {
            interpreter.integrations().register("arn:aws:states:::sqs:sendMessage", request -> CompletableFuture.completedFuture(json("{}")));

            Execution execution = run(interpreter, task("arn:aws:states:::ecs:runTask.sync", ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).contains("No service integration is registered for the resource 'arn:aws:states:::ecs:runTask.sync'")
                    .contains("arn:aws:states:::sqs:sendMessage");
        }

        @Test
        void aPatternTheIntegrationDoesNotSupportFailsWithAClearError() {
            interpreter.integrations().register(LAMBDA_INVOKE, request -> CompletableFuture.completedFuture(json("{}")));

            Execution execution = run(interpreter, task(LAMBDA_INVOKE + ".sync", ""), "{}");

            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).contains("does not support the '.sync' integration pattern");
        }
    }

    @Nested
    class RunAJob {
        @Test
        void theTaskWaitsForTheJobToEnd() throws Exception {
            CompletableFuture<JsonNode> job = new CompletableFuture<>();
            interpreter.integrations().register("arn:aws:states:::batch:submitJob",
                    recording(request -> job, EnumSet.of(IntegrationPattern.RUN_JOB)));
            Execution execution = Machines.start(interpreter, task("arn:aws:states:::batch:submitJob.sync", ""), "{}");
            assertThat(nextRequest().pattern()).isEqualTo(IntegrationPattern.RUN_JOB);
            assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);

            job.complete(json("{\"Status\": \"SUCCEEDED\"}"));

            assertThat(execution.await(Duration.ofSeconds(5)).output()).isEqualTo(json("{\"Status\": \"SUCCEEDED\"}"));
        }

        @Test
        void aTimedOutTaskFailsWithStatesTimeoutAndCancelsTheJob() throws Exception {
            CompletableFuture<JsonNode> job = new CompletableFuture<>();
            interpreter.integrations().register("arn:aws:states:::batch:submitJob",
                    recording(request -> job, EnumSet.of(IntegrationPattern.RUN_JOB)));

            Execution execution = run(interpreter, task("arn:aws:states:::batch:submitJob.sync", "\"TimeoutSeconds\": 1"), "{}");

            assertThat(execution.error()).isEqualTo("States.Timeout");
            assertThat(eventTypes(execution)).contains("TaskTimedOut");
            assertThat(job).failsWithin(Duration.ofSeconds(5));
            assertThat(job).isCancelled();
        }

        @Test
        void timeoutSecondsPathReadsTheTimeoutFromTheInput() {
            interpreter.integrations().register("arn:aws:states:::batch:submitJob",
                    recording(request -> new CompletableFuture<>(), EnumSet.of(IntegrationPattern.RUN_JOB)));

            Execution execution = run(interpreter, task("arn:aws:states:::batch:submitJob.sync", "\"TimeoutSecondsPath\": \"$.timeout\""),
                    "{\"timeout\": 1}");

            assertThat(execution.error()).isEqualTo("States.Timeout");
            assertThat(execution.history().get(2).details().get("timeoutInSeconds").asLong()).isEqualTo(1);
        }

        @Test
        void stoppingTheExecutionCancelsTheRunningJob() throws Exception {
            CompletableFuture<JsonNode> job = new CompletableFuture<>();
            interpreter.integrations().register("arn:aws:states:::batch:submitJob",
                    recording(request -> job, EnumSet.of(IntegrationPattern.RUN_JOB)));
            Execution execution = Machines.start(interpreter, task("arn:aws:states:::batch:submitJob.sync", ""), "{}");
            nextRequest();

            execution.stop("Stop", "test over");

            assertThat(execution.await(Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(job).failsWithin(Duration.ofSeconds(5));
            assertThat(job).isCancelled();
        }
    }

    @Nested
    class WaitForTaskToken {
        private static final String RESOURCE = "arn:aws:states:::sqs:sendMessage";

        WaitForTaskToken() {
            interpreter.integrations().register(RESOURCE, recording(request -> CompletableFuture.completedFuture(json("{\"MessageId\": \"m-1\"}")),
                    EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)));
        }

        private final String definition = task(RESOURCE + ".waitForTaskToken",
                "\"Parameters\": {\"MessageBody\": {\"token.$\": \"$$.Task.Token\"}}, \"HeartbeatSeconds\": 2");

        @Test
        void theTokenReachesTheIntegrationAndSendTaskSuccessCompletesTheTask() throws Exception {
            Execution execution = Machines.start(interpreter, definition, "{}");
            TaskRequest request = nextRequest();
            assertThat(request.parameters().at("/MessageBody/token").asText()).isEqualTo(request.taskToken()).isNotBlank();

            interpreter.sendTaskSuccess(request.taskToken(), json("{\"approved\": true}"));

            assertThat(execution.await(Duration.ofSeconds(5)).output()).isEqualTo(json("{\"approved\": true}"));
            assertThat(eventTypes(execution)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
        }

        @Test
        void sendTaskFailureFailsTheTaskWithTheGivenErrorAndCause() throws Exception {
            Execution execution = Machines.start(interpreter, definition, "{}");

            interpreter.sendTaskFailure(nextRequest().taskToken(), "Rejected", "the reviewer said no");

            execution.await(Duration.ofSeconds(5));
            assertThat(execution.error()).isEqualTo("Rejected");
            assertThat(execution.cause()).isEqualTo("the reviewer said no");
        }

        @Test
        void heartbeatsKeepTheTaskAliveAndTheirAbsenceTimesItOut() throws Exception {
            Execution alive = Machines.start(interpreter, definition, "{}");
            String token = nextRequest().taskToken();
            for (int i = 0; i < 4; i++) {
                Thread.sleep(700);
                interpreter.sendTaskHeartbeat(token);
            }
            assertThat(alive.status()).isEqualTo(ExecutionStatus.RUNNING);
            interpreter.sendTaskSuccess(token, json("{}"));
            assertThat(alive.await(Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

            Execution silent = run(interpreter, definition, "{}");
            assertThat(silent.error()).isEqualTo("States.HeartbeatTimeout");
            assertThat(eventTypes(silent)).contains("TaskTimedOut");
            String lateToken = nextRequest().taskToken();
            assertThatThrownBy(() -> interpreter.sendTaskSuccess(lateToken, json("{}")))
                    .isInstanceOfSatisfying(TaskTokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TASK_TIMED_OUT));
        }

        @Test
        void callbacksWithUnknownEndedOrMalformedTokensAreRejected() throws Exception {
            Execution execution = Machines.start(interpreter, definition, "{}");
            String token = nextRequest().taskToken();
            interpreter.sendTaskSuccess(token, json("{}"));
            execution.await(Duration.ofSeconds(5));

            assertThatThrownBy(() -> interpreter.sendTaskSuccess(token, json("{}")))
                    .isInstanceOfSatisfying(TaskTokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TASK_TIMED_OUT));
            assertThatThrownBy(() -> interpreter.sendTaskHeartbeat(token.substring(0, token.length() - 2) + "xx"))
                    .isInstanceOfSatisfying(TaskTokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TASK_DOES_NOT_EXIST));
            assertThatThrownBy(() -> interpreter.sendTaskFailure("not-a-token", "E", "C"))
                    .isInstanceOfSatisfying(TaskTokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.INVALID_TOKEN));
        }
    }
}
