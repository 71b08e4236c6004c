package dev.awstestharness.example;

import static dev.awstestharness.example.ExampleInputs.input;
import static dev.awstestharness.harness.Json.json;
import static dev.awstestharness.harness.Json.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.LambdaFunctionHandler;
import dev.awstestharness.harness.LambdaFunctionTwin;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.TestHarness;
import dev.awstestharness.harness.ThrownException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda function double (scenarios 1, 2 and 15 of the acceptance suite). */
@AwsTestHarness(template = "template.yaml")
class LambdaFunctionDoubleTest {
    TestHarness harness;

    @Test
    void returnsWhatTheTwinComputes() {
        int value = 10;
        LambdaFunctionTwin first = harness.twinLambdaFunction("First", event -> Map.of("value", event.get("value").asInt() * 2));

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("LAMBDA_INVOKE", Map.of("value", value)));

        execution.assertSucceeded();
        assertThat(execution.output().at("/lambdaFunctionInvoke/result/value").asInt()).isEqualTo(value * 2);
        assertThat(first.invocations()).containsExactly(json("{\"value\": 10}"));
    }

    @Test
    void acceptsAMockitoMockAsTheHandler() throws Exception {
        LambdaFunctionHandler handler = mock(LambdaFunctionHandler.class);
        when(handler.handle(json("{\"value\": 7}"))).thenReturn(Map.of("value", "from the mock"));
        harness.twinLambdaFunction("First", handler);

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("LAMBDA_INVOKE", Map.of("value", 7)));

        execution.assertSucceeded();
        assertThat(execution.output().at("/lambdaFunctionInvoke/result/value").asText()).isEqualTo("from the mock");
        verify(handler).handle(json("{\"value\": 7}"));
        verifyNoMoreInteractions(handler);
    }

    @Test
    void failsTheExecutionWithTheExceptionTheTwinThrows() {
        harness.twinLambdaFunction("First", event -> ThrownException.withMessage("the error message"));

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("LAMBDA_INVOKE", Map.of("value", 10)));

        ExecutionFailure failure = execution.failure();
        assertThat(execution.status()).isEqualTo("FAILED");
        assertThat(failure.error()).isEqualTo("Exception");
        JsonNode cause = json(failure.cause());
        assertThat(cause.get("errorMessage").asText()).isEqualTo("the error message");
        assertThat(cause.get("errorType").asText()).isEqualTo("Exception");
    }

    @Test
    void failsTheExecutionWithTheErrorTypeTheTwinChooses() {
        harness.twinLambdaFunction("First", event -> ThrownException.withMessage("value too large").ofType("OrderRejected"));

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("LAMBDA_INVOKE", Map.of("value", 10)));

        ExecutionFailure failure = execution.failure();
        assertThat(failure.error()).isEqualTo("OrderRejected");
        JsonNode cause = json(failure.cause());
        assertThat(cause.get("errorMessage").asText()).isEqualTo("value too large");
        assertThat(cause.get("errorType").asText()).isEqualTo("OrderRejected");
    }

    @Test
    void answersFiftyConcurrentExecutionsEachFromItsOwnInput() {
        int executions = 50;
        LambdaFunctionTwin first = harness.twinLambdaFunction("First", event -> Map.of("value", event.get("value").asInt() * 2));

        List<StateMachineExecution> started = new ArrayList<>();
        for (int value = 0; value < executions; value++) {
            started.add(harness.stateMachine("ExampleStateMachine").startExecution(input("LAMBDA_INVOKE", Map.of("value", value))));
        }

        List<JsonNode> expectedInvocations = new ArrayList<>();
        for (int value = 0; value < executions; value++) {
            StateMachineExecution execution = started.get(value).awaitCompletion(Duration.ofSeconds(30));
            execution.assertSucceeded();
            assertThat(execution.output().at("/lambdaFunctionInvoke/result/value").asInt())
                    .as("the output of the execution with value %d", value).isEqualTo(value * 2);
            expectedInvocations.add(toJson(Map.of("value", value)));
        }
        assertThat(first.invocations()).containsExactlyInAnyOrderElementsOf(expectedInvocations);
    }
}
