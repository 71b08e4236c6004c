package dev.awstestharness.example;

import static dev.awstestharness.example.ExampleInputs.input;
import static dev.awstestharness.harness.Json.json;
import static dev.awstestharness.harness.Json.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.StateMachineTwin;
import dev.awstestharness.harness.TestHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state machine double, started with {@code startExecution.sync:2} (scenarios 3 and 4). */
@AwsTestHarness(template = "template.yaml")
class StateMachineDoubleTest {
    TestHarness harness;

    @Test
    void returnsTheOutputOfTheTwin() {
        int value = 4;
        StateMachineTwin first = harness.twinStateMachine("First", input -> Map.of("result", input.get("value").asInt() * 3));

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("STATES_START_EXECUTION_SYNC", Map.of("value", value)));

        execution.assertSucceeded();
        assertThat(execution.output().at("/statesStartExecutionSync/result").asInt()).isEqualTo(value * 3);
        assertThat(first.invocations()).containsExactly(toJson(Map.of(
                "value", value,
                "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID", execution.arn())));
    }

    @Test
    void failsTheParentWithTheFailureOfTheTwin() {
        harness.twinStateMachine("First", input -> ExecutionFailure.of("TheErrorCode", "the failure cause"));

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("STATES_START_EXECUTION_SYNC", Map.of("value", 0)));

        ExecutionFailure failure = execution.failure();
        assertThat(failure.error()).isEqualTo("States.TaskFailed");
        // the cause is the nested execution as DescribeExecution describes it
        JsonNode nested = json(failure.cause());
        assertThat(nested.get("Error").asText()).isEqualTo("TheErrorCode");
        assertThat(nested.get("Cause").asText()).isEqualTo("the failure cause");
        assertThat(nested.get("Status").asText()).isEqualTo("FAILED");
        assertThat(nested.get("StateMachineArn").asText()).isEqualTo(harness.stateMachine("First").arn());
    }
}
