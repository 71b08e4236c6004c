package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionTest {
    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();

    @AfterEach
    void close() {
        interpreter.close();
    }

    @Test
    void aChainOfPassStatesRecordsEnteredAndExitedEventsInOrder() {
        Execution execution = run(interpreter, """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}""", "{\"x\": 1}");

        assertThat(eventTypes(execution)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
        HistoryEvent started = execution.history().get(0);
        assertThat(json(started.details().get("input").asText())).isEqualTo(json("{\"x\": 1}"));
        assertThat(started.details().get("roleArn").asText()).isEqualTo(execution.request().roleArn());
        HistoryEvent entered = execution.history().get(1);
        assertThat(entered.details().get("name").asText()).isEqualTo("A");
        assertThat(entered.toJson().get("stateEnteredEventDetails").get("inputDetails").get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aFailStateEndsTheExecutionWithItsErrorAndCause() {
        Execution execution = run(interpreter, """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Order.Invalid", "Cause": "no items"}}}""", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("Order.Invalid");
        assertThat(execution.cause()).isEqualTo("no items");
        assertThat(eventTypes(execution)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    }

    @Test
    void aFailStateCanTakeErrorAndCauseFromPathsAndIntrinsics() {
        Execution execution = run(interpreter, """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.code",
                  "CausePath": "States.Format('order {} has {} items', $.id, $.count)"}}}""", "{\"code\": \"E42\", \"id\": \"o-1\", \"count\": 0}");

        assertThat(execution.error()).isEqualTo("E42");
        assertThat(execution.cause()).isEqualTo("order o-1 has 0 items");
    }

    @Test
    void aFailStateWithoutErrorFailsWithNoErrorName() {
        Execution execution = run(interpreter, "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\"}}}", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isNull();
        assertThat(execution.cause()).isNull();
    }

    @Test
    void awaitingARunningExecutionTimesOutWithAMessageNamingTheState() {
        interpreter.integrations().register("arn:aws:states:::lambda:invoke", request -> new CompletableFuture<>());
        Execution execution = Machines.start(interpreter, """
                {"StartAt": "Stuck", "States": {"Stuck": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}""", "{}");

        assertThatThrownBy(() -> execution.await(Duration.ofMillis(200)))
                .isInstanceOf(ExecutionTimeoutException.class)
                .hasMessageContaining(execution.executionArn())
                .hasMessageContaining("still running after PT0.2S")
                .hasMessageContaining("'Stuck'");
        execution.stop("Stop", null);
    }

    @Test
    void stoppingAFinishedExecutionChangesNothing() {
        Execution execution = run(interpreter, "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}", "{}");

        execution.stop("Late", "too late");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(eventTypes(execution)).last().isEqualTo("ExecutionSucceeded");
    }

    @Test
    void definitionsCanBeWrittenInYaml() {
        Execution execution = run(interpreter, """
                StartAt: Greet
                States:
                  Greet:
                    Type: Pass
                    Parameters:
                      greeting.$: States.Format('Hello {}!', $.name)
                    End: true
                """, "{\"name\": \"World\"}");

        assertThat(execution.output()).isEqualTo(json("{\"greeting\": \"Hello World!\"}"));
    }

    @Test
    void concurrentExecutionsEachGetTheirOwnResult() throws Exception {
        String definition = """
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "Next": "P"},
                  "P": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "End": true}}}""";
        try (Interpreter scaled = Interpreter.builder().waitScale(0.01).build()) {
            java.util.List<Execution> executions = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) executions.add(Machines.start(scaled, definition, "{\"n\": " + i + "}"));
            for (int i = 0; i < 500; i++) {
                assertThat(executions.get(i).await(Duration.ofSeconds(10)).output()).isEqualTo(json("{\"n\": " + (i + 1) + "}"));
            }
        }
    }
}
