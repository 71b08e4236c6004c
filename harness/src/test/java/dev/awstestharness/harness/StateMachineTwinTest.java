package dev.awstestharness.harness;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

@AwsTestHarness(template = TestTemplate.PATH)
class StateMachineTwinTest {
    @Test
    void theTwinsValueIsTheNestedExecutionsOutputThroughSync2(TestHarness harness) {
        var alpha = harness.twinStateMachine("Alpha", input -> Map.of("result", input.get("value").asInt() * 3));

        var execution = harness.stateMachine("Tiny").execute(Map.of("kind", "stateMachine", "payload", Map.of("value", 4)));

        execution.assertSucceeded();
        assertThat(execution.output()).isEqualTo(json("{\"output\": {\"result\": 12}}"));
        assertThat(alpha.invocations()).containsExactly(json("{\"value\": 4}"));
    }

    @Test
    void anExecutionFailureFailsTheNestedExecutionAndSoTheParent(TestHarness harness) {
        harness.twinStateMachine("Alpha", input -> ExecutionFailure.of("TheErrorCode", "the failure cause"));

        var failure = harness.stateMachine("Tiny").execute(Map.of("kind", "stateMachine", "payload", Map.of("value", 4))).failure();

        assertThat(failure.error()).isEqualTo("States.TaskFailed");
        var cause = json(failure.cause());
        assertThat(cause.get("Error").asText()).isEqualTo("TheErrorCode");
        assertThat(cause.get("Cause").asText()).isEqualTo("the failure cause");
        assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
    }

    @Test
    void aStateMachineDoubleCanBeStartedDirectly(TestHarness harness) {
        var beta = harness.twinStateMachine("Beta", input -> json("{\"echo\": " + input + "}"));

        var execution = harness.stateMachine("Beta").execute(Map.of("direct", true));

        assertThat(execution.output()).isEqualTo(json("{\"echo\": {\"direct\": true}}"));
        assertThat(beta.invocations()).containsExactly(json("{\"direct\": true}"));
        assertThat(harness.stateMachineTwin("Beta")).isSameAs(beta);
    }
}
