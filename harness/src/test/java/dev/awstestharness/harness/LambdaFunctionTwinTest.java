package dev.awstestharness.harness;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

@AwsTestHarness(template = TestTemplate.PATH)
class LambdaFunctionTwinTest {
    record Doubled(int doubled, String note) {}

    @Test
    void answersWithTheHandlersValue(TestHarness harness) {
        var alpha = harness.twinLambdaFunction("Alpha", event -> Map.of("doubled", event.get("value").asInt() * 2));

        var execution = harness.stateMachine("Tiny").execute(Map.of("kind", "lambda", "payload", Map.of("value", 21)));

        execution.assertSucceeded();
        assertThat(execution.output()).isEqualTo(json("{\"value\": {\"doubled\": 42}}"));
        assertThat(alpha.invocations()).containsExactly(json("{\"value\": 21}"));
        assertThat(alpha.invocationCount()).isEqualTo(1);
    }

    @Test
    void answersWithRecordsJsonNodesAndNull(TestHarness harness) {
        harness.twinLambdaFunction("Alpha", event -> new Doubled(event.get("value").asInt() * 2, "from a record"));
        assertThat(runAlpha(harness, 5).output()).isEqualTo(json("{\"value\": {\"doubled\": 10, \"note\": \"from a record\"}}"));

        harness.twinLambdaFunction("Alpha", event -> json("[1, \"two\", 3.5]"));
        assertThat(runAlpha(harness, 5).output()).isEqualTo(json("{\"value\": [1, \"two\", 3.5]}"));

        harness.twinLambdaFunction("Alpha", event -> null);
        assertThat(runAlpha(harness, 5).output()).isEqualTo(json("{\"value\": null}"));
    }

    @Test
    void aThrownExceptionFailsTheCallWithErrorTypeException(TestHarness harness) {
        harness.twinLambdaFunction("Alpha", event -> ThrownException.withMessage("the error message"));

        var failure = runAlpha(harness, 1).failure();

        assertThat(failure.error()).isEqualTo("Exception");
        assertThat(json(failure.cause()).get("errorMessage").asText()).isEqualTo("the error message");
        assertThat(json(failure.cause()).get("errorType").asText()).isEqualTo("Exception");
    }

    @Test
    void aThrownExceptionCanHaveItsOwnErrorType(TestHarness harness) {
        harness.twinLambdaFunction("Alpha", event -> ThrownException.withMessage("no stock").ofType("OrderRejected"));

        var failure = runAlpha(harness, 1).failure();

        assertThat(failure.error()).isEqualTo("OrderRejected");
        assertThat(json(failure.cause()).get("errorMessage").asText()).isEqualTo("no stock");
    }

    @Test
    void handleWithReplacesTheHandlerAndKeepsTheInvocations(TestHarness harness) {
        var alpha = harness.twinLambdaFunction("Alpha", event -> "first");
        assertThat(runAlpha(harness, 1).output().get("value").asText()).isEqualTo("first");

        alpha.handleWith(event -> "second");

        assertThat(runAlpha(harness, 2).output().get("value").asText()).isEqualTo("second");
        assertThat(alpha.invocations()).containsExactly(json("{\"value\": 1}"), json("{\"value\": 2}"));
        assertThat(harness.lambdaFunctionTwin("Alpha")).isSameAs(alpha);
    }

    @Test
    void registeringAgainReplacesTheTwin(TestHarness harness) {
        var first = harness.twinLambdaFunction("Alpha", event -> "first");
        var second = harness.twinLambdaFunction("Alpha", event -> "second");

        assertThat(runAlpha(harness, 1).output().get("value").asText()).isEqualTo("second");
        assertThat(first.invocations()).isEmpty();
        assertThat(second.invocations()).hasSize(1);
        assertThat(harness.lambdaFunctionTwin("Alpha")).isSameAs(second);
    }

    @Test
    void eachDoubleHasItsOwnTwin(TestHarness harness) {
        var alpha = harness.twinLambdaFunction("Alpha", event -> "alpha");
        var beta = harness.twinLambdaFunction("Beta", event -> "beta");

        var output = harness.stateMachine("Tiny").execute(Map.of("kind", "lambdaBeta", "payload", Map.of("to", "beta"))).output();

        assertThat(output.get("value").asText()).isEqualTo("beta");
        assertThat(beta.invocations()).containsExactly(json("{\"to\": \"beta\"}"));
        assertThat(alpha.invocations()).isEmpty();
    }

    @Test
    void invocationsAreCopies(TestHarness harness) {
        var alpha = harness.twinLambdaFunction("Alpha", event -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("changedByTheHandler", true);
            return "ok";
        });
        runAlpha(harness, 7);

        ((com.fasterxml.jackson.databind.node.ObjectNode) alpha.invocations().get(0)).put("changedByTheTest", true);

        assertThat(alpha.invocations()).containsExactly(json("{\"value\": 7}"));
    }

    @Test
    void lookingUpATwinThatIsNotRegisteredNamesTheRegisteredOnes(TestHarness harness) {
        harness.twinLambdaFunction("Alpha", event -> "alpha");
        harness.twinEcsTaskContainer("Alpha", "Red", task -> ExitCode.SUCCESS);

        assertThatThrownBy(() -> harness.lambdaFunctionTwin("Beta"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No twin is registered for the Lambda function double 'Beta'")
                .hasMessageContaining("the Lambda function double 'Alpha', the container 'Red' of the ECS task double 'Alpha'")
                .hasMessageContaining("harness.twinLambdaFunction(\"Beta\", event -> ...)");
    }

    @Test
    void aDoubleTheTemplateDoesNotDeclareCannotBeTwinned(TestHarness harness) {
        assertThatThrownBy(() -> harness.twinLambdaFunction("Gamma", event -> "?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no Lambda function double 'Gamma': classpath:harness-test/template.yaml declares Alpha, Beta "
                        + "(parameter AWSTestHarnessLambdaFunctions)");
    }

    @Test
    void fiftyConcurrentExecutionsAreAllAnswered(TestHarness harness) {
        var alpha = harness.twinLambdaFunction("Alpha", event -> Map.of("doubled", event.get("value").asInt() * 2));
        var tiny = harness.stateMachine("Tiny");

        var executions = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> tiny.startExecution(Map.of("kind", "lambda", "payload", Map.of("value", i)))).toList();

        for (int i = 0; i < executions.size(); i++) {
            var execution = executions.get(i).awaitCompletion(java.time.Duration.ofSeconds(30));
            execution.assertSucceeded();
            assertThat(execution.output().at("/value/doubled").asInt()).isEqualTo(2 * i);
        }
        assertThat(alpha.invocations()).hasSize(50);
    }

    private static StateMachineExecution runAlpha(TestHarness harness, int value) {
        return harness.stateMachine("Tiny").execute(Map.of("kind", "lambda", "payload", Map.of("value", value)));
    }
}
