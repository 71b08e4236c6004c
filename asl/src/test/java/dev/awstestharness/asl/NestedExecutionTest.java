package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.integrations.StartExecutionIntegration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code states:startExecution} in all its patterns, run against the interpreter itself. */
class NestedExecutionTest {
    private static final String CHILD_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:Child";

    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();
    private final Map<String, Execution> children = new ConcurrentHashMap<>();

    NestedExecutionTest() {
        Map<String, StateMachineDefinition> machines = Map.of(CHILD_ARN, StateMachineDefinition.parse("""
                {"StartAt": "Decide", "States": {
                  "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Fail"}], "Default": "Triple"},
                  "Triple": {"Type": "Pass", "Parameters": {"result.$": "States.MathAdd(States.MathAdd($.value, $.value), $.value)"}, "End": true},
                  "Fail": {"Type": "Fail", "Error": "TheErrorCode", "Cause": "the failure cause"}}}"""));
        interpreter.integrations().register(StartExecutionIntegration.RESOURCE, new StartExecutionIntegration((arn, name, input) -> {
            StateMachineDefinition definition = machines.get(arn);
            if (definition == null) throw new StatesError("StepFunctions.StateMachineDoesNotExistException", "State Machine Does Not Exist: '" + arn + "'");
            Execution child = interpreter.start(definition, new ExecutionRequest(
                    "arn:aws:states:us-east-1:123456789012:execution:Child:" + name, name, arn, "Child", null, input));
            children.put(name, child);
            return child;
        }));
    }

    @AfterEach
    void close() {
        interpreter.close();
    }

    private static String parent(String suffix) {
        return """
                {"StartAt": "Nested", "States": {"Nested": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution%s",
                  "Parameters": {"StateMachineArn": "%s", "Name": "child-1",
                                 "Input": {"value.$": "$.value", "fail.$": "$.fail", "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}},
                  "End": true}}}""".formatted(suffix, CHILD_ARN);
    }

    @Test
    void syncReturnsTheChildOutputAsAJsonString() {
        Execution execution = run(interpreter, parent(".sync"), "{\"value\": 4, \"fail\": false}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = execution.output();
        assertThat(output.get("Output").isTextual()).isTrue();
        assertThat(json(output.get("Output").asText())).isEqualTo(json("{\"result\": 12}"));
        assertThat(output.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(output.get("ExecutionArn").asText()).endsWith(":Child:child-1");
        assertThat(output.get("StateMachineArn").asText()).isEqualTo(CHILD_ARN);
        assertThat(json(output.get("Input").asText()).get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText())
                .isEqualTo(execution.executionArn());
    }

    @Test
    void sync2ReturnsTheChildOutputAsJson() {
        Execution execution = run(interpreter, parent(".sync:2"), "{\"value\": 4, \"fail\": false}");

        assertThat(execution.output().get("Output")).isEqualTo(json("{\"result\": 12}"));
        assertThat(execution.output().get("Input").get("value").asInt()).isEqualTo(4);
    }

    @Test
    void aFailedChildFailsTheTaskWithTheDescribedExecutionAsCause() {
        Execution execution = run(interpreter, parent(".sync"), "{\"value\": 4, \"fail\": true}");

        assertThat(execution.error()).isEqualTo("States.TaskFailed");
        JsonNode cause = json(execution.cause());
        assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
        assertThat(cause.get("Error").asText()).isEqualTo("TheErrorCode");
        assertThat(cause.get("Cause").asText()).isEqualTo("the failure cause");
    }

    @Test
    void requestResponseReturnsAtOnceWithTheExecutionArn() {
        Execution execution = run(interpreter, parent(""), "{\"value\": 1, \"fail\": false}");

        assertThat(execution.output().get("ExecutionArn").asText()).endsWith(":Child:child-1");
        assertThat(execution.output().get("StartDate").isNumber()).isTrue();
        assertThat(children.get("child-1").await(Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void waitForTaskTokenWaitsForTheChildToCallBack() {
        String definition = """
                {"StartAt": "Nested", "States": {"Nested": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
                  "Parameters": {"StateMachineArn": "%s", "Name": "child-1", "Input": {"value": 2, "fail": false, "token.$": "$$.Task.Token"}},
                  "End": true}}}""".formatted(CHILD_ARN);
        Execution execution = Machines.start(interpreter, definition, "{}");
        Execution child = awaitChild("child-1");
        child.await(Duration.ofSeconds(5));

        interpreter.sendTaskSuccess(child.request().input().get("token").asText(), child.output());

        assertThat(execution.await(Duration.ofSeconds(5)).output()).isEqualTo(json("{\"result\": 6}"));
    }

    @Test
    void anUnknownStateMachineFailsTheTaskWithAnErrorNamingIt() {
        String definition = parent(".sync").replace(CHILD_ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:Nope");

        Execution execution = run(interpreter, definition, "{\"value\": 1, \"fail\": false}");

        assertThat(execution.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
        assertThat(execution.cause()).contains("stateMachine:Nope");
    }

    @Test
    void stoppingTheParentStopsTheChild() {
        StateMachineDefinition slowChild = StateMachineDefinition.parse("{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 3600, \"End\": true}}}");
        try (Interpreter realTime = Interpreter.builder().build()) {
            Map<String, Execution> started = new ConcurrentHashMap<>();
            realTime.integrations().register(StartExecutionIntegration.RESOURCE, new StartExecutionIntegration((arn, name, input) -> {
                Execution child = realTime.start(slowChild, ExecutionRequest.of("Child", name, input));
                started.put(name, child);
                return child;
            }));
            Execution execution = Machines.start(realTime, parent(".sync"), "{\"value\": 1, \"fail\": false}");
            Execution child = awaitValue(started, "child-1");

            execution.stop("Stop", "parent stopped");

            assertThat(child.await(Duration.ofSeconds(5)).status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }

    private Execution awaitChild(String name) {
        return awaitValue(children, name);
    }

    private static Execution awaitValue(Map<String, Execution> executions, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!executions.containsKey(name)) {
            if (System.nanoTime() > deadline) throw new AssertionError("child execution " + name + " was not started");
            Thread.onSpinWait();
        }
        return executions.get(name);
    }
}
