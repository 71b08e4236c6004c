package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.spi.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** JSONata states: {@code {% %}} expressions in every field that takes them, {@code $states}, and AWS's functions. */
class JsonataTest {
    private static final String LAMBDA = "arn:aws:states:::lambda:invoke";

    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();
    private final List<TaskRequest> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        interpreter.close();
    }

    private void echoLambda() {
        interpreter.integrations().register(LAMBDA, request -> {
            requests.add(request);
            return CompletableFuture.completedFuture(Machines.MAPPER.createObjectNode().set("Payload", request.parameters().get("Payload")));
        });
    }

    private static String machine(String states) {
        return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {" + states + "}}";
    }

    private JsonNode output(String states, String input) {
        Execution execution = run(interpreter, machine(states), input);
        assertThat(execution.status()).as("%s %s", execution.error(), execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return execution.output();
    }

    @Nested
    class OutputAndArguments {
        @Test
        void outputEvaluatesEveryExpressionStringAndKeepsOtherStringsLiteral() {
            JsonNode output = output("""
                    "S": {"Type": "Pass", "Output": {"sum": "{% $sum($states.input.values) %}", "literal": " {% not evaluated %} ",
                          "path": "$.values", "nested": ["{% $states.input.name %}", {"deep": "{% $uppercase($states.input.name) %}"}]},
                          "End": true}""", "{\"values\": [1, 2, 3], \"name\": \"ann\"}");

            assertThat(output).isEqualTo(json("""
                    {"sum": 6, "literal": " {% not evaluated %} ", "path": "$.values", "nested": ["ann", {"deep": "ANN"}]}"""));
        }

        @Test
        void aTaskGetsItsArgumentsAndItsOutputDefaultsToTheResult() {
            echoLambda();

            JsonNode output = output("""
                    "S": {"Type": "Task", "Resource": "%s", "Arguments": {"FunctionName": "F", "Payload": {"n": "{% $states.input.n * 2 %}"}},
                          "End": true}""".replace("%s", LAMBDA), "{\"n\": 21}");

            assertThat(requests.get(0).parameters()).isEqualTo(json("{\"FunctionName\": \"F\", \"Payload\": {\"n\": 42}}"));
            assertThat(output).isEqualTo(json("{\"Payload\": {\"n\": 42}}"));
        }

        @Test
        void outputCombinesTheStateInputAndTheResult() {
            echoLambda();

            JsonNode output = output("""
                    "S": {"Type": "Task", "Resource": "%s", "Arguments": {"Payload": 5},
                          "Output": {"before": "{% $states.input %}", "after": "{% $states.result.Payload %}"}, "End": true}"""
                    .replace("%s", LAMBDA), "{\"a\": 1}");

            assertThat(output).isEqualTo(json("{\"before\": {\"a\": 1}, \"after\": 5}"));
        }

        @Test
        void outputMayBeAnyJsonValue() {
            assertThat(output("\"S\": {\"Type\": \"Pass\", \"Output\": [1, \"{% 1 + 1 %}\"], \"End\": true}", "{}")).isEqualTo(json("[1, 2]"));
            assertThat(output("\"S\": {\"Type\": \"Pass\", \"Output\": null, \"End\": true}", "{}")).isEqualTo(json("null"));
            assertThat(output("\"S\": {\"Type\": \"Pass\", \"Output\": \"{% 'text' %}\", \"End\": true}", "{}")).isEqualTo(json("\"text\""));
        }

        @Test
        void theContextObjectIsStatesContext() {
            JsonNode output = output("""
                    "S": {"Type": "Pass", "Output": {"state": "{% $states.context.State.Name %}", "input": "{% $states.context.Execution.Input %}"},
                          "End": true}""", "{\"x\": 1}");

            assertThat(output).isEqualTo(json("{\"state\": \"S\", \"input\": {\"x\": 1}}"));
        }

        @Test
        void aParallelStatePassesItsArgumentsToEveryBranch() {
            JsonNode output = output("""
                    "S": {"Type": "Parallel", "Arguments": {"n": "{% $states.input.n %}"}, "Branches": [
                            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.n + 1 %}", "End": true}}},
                            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Output": "{% $states.input.n * 10 %}", "End": true}}}],
                          "Output": "{% $sum($states.result) %}", "End": true}""", "{\"n\": 2}");

            assertThat(output).isEqualTo(json("23"));
        }
    }

    @Nested
    class Errors {
        @Test
        void anExpressionThatSelectsNothingFailsWithAQueryEvaluationErrorNamingTheField() {
            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Pass", "Output": {"result": "{% $states.input.missing %}"}, "End": true}"""), "{}");

            assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'S' (entered at the event id #2). "
                    + "The JSONata expression '$states.input.missing' specified for the field 'Output/result' returned nothing (undefined).");
        }

        @Test
        void anExpressionThatThrowsNamesTheExpressionFieldAndJsonataError() {
            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Pass", "Output": {"n": "{% $number('abc') + $sum('x') %}"}, "End": true}"""), "{}");

            assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(execution.cause()).startsWith("An error occurred while executing the state 'S' (entered at the event id #2). "
                    + "The JSONata expression '$number('abc') + $sum('x')' specified for the field 'Output/n' threw an error during evaluation");
        }

        @Test
        void aQueryEvaluationErrorIsCaughtByStatesAllButNotByTaskFailed() {
            String states = """
                    "S": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "Output": "{% $nope %}", "End": true}}}],
                          "Catch": [{"ErrorEquals": ["%s"], "Output": {"caught": "{% $states.errorOutput.Error %}"}, "Next": "Done"}], "End": true},
                    "Done": {"Type": "Succeed"}""";

            assertThat(output(states.replace("%s", "States.ALL"), "{}")).isEqualTo(json("{\"caught\": \"States.QueryEvaluationError\"}"));
            assertThat(run(interpreter, machine(states.replace("%s", "States.TaskFailed")), "{}").error()).isEqualTo("States.QueryEvaluationError");
        }

        @Test
        void jsonataErrorsUseTheReferenceImplementationsCodesAndWording() {
            Execution cast = run(interpreter, machine("\"S\": {\"Type\": \"Pass\", \"Output\": \"{% $number('abc') %}\", \"End\": true}"), "{}");
            assertThat(cast.cause()).endsWith("threw an error during evaluation. D3030: Unable to cast value to a number: \"abc\"");

            Execution signature = run(interpreter, machine("\"S\": {\"Type\": \"Pass\", \"Output\": \"{% $abs('x') %}\", \"End\": true}"), "{}");
            assertThat(signature.cause()).contains("T0410: ").contains("does not match function signature").doesNotContain("Object");
        }

        @Test
        void aFunctionResultIsAnUnsupportedResultType() {
            Execution execution = run(interpreter, machine("\"S\": {\"Type\": \"Pass\", \"Output\": \"{% function($x){$x} %}\", \"End\": true}"), "{}");

            assertThat(execution.cause()).endsWith("specified for the field 'Output' returned an unsupported result type.");
        }

        @Test
        void evalIsNotAvailable() {
            Execution execution = run(interpreter, machine("\"S\": {\"Type\": \"Pass\", \"Output\": \"{% $eval('1 + 1') %}\", \"End\": true}"), "{}");

            assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(execution.cause()).contains("$eval is not supported");
        }
    }

    @Nested
    class StepFunctionsFunctions {
        @Test
        void partitionRangeHashParseAndUuid() {
            JsonNode output = output("""
                    "S": {"Type": "Pass", "Output": {
                            "partition": "{% $partition([1, 2, 3, 4, 5], 2) %}",
                            "range": "{% $range(0, 10, 5) %}",
                            "hash": "{% $hash('input data', 'MD5') %}",
                            "parse": "{% $parse('{\\"a\\": [1, true]}') %}",
                            "uuid": "{% $uuid() %}",
                            "random": "{% $random() %}"}, "End": true}""", "{}");

            assertThat(output.get("partition")).isEqualTo(json("[[1, 2], [3, 4], [5]]"));
            assertThat(output.get("range")).isEqualTo(json("[0, 5, 10]"));
            assertThat(output.get("hash").asText()).isEqualTo("812f45842bc6d66ee14572ce20db8e86");
            assertThat(output.get("parse")).isEqualTo(json("{\"a\": [1, true]}"));
            assertThat(output.get("uuid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(output.get("random").asDouble()).isBetween(0.0, 1.0);
        }

        @Test
        void randomWithASeedIsRepeatable() {
            JsonNode output = output("\"S\": {\"Type\": \"Pass\", \"Output\": [\"{% $random(7) %}\", \"{% $random(7) %}\"], \"End\": true}", "{}");

            assertThat(output.get(0)).isEqualTo(output.get(1));
        }
    }

    @Nested
    class OtherFields {
        @Test
        void aChoiceConditionPicksTheRuleAndTheRuleOutputShapesTheOutput() {
            String states = """
                    "S": {"Type": "Choice", "Choices": [
                            {"Condition": "{% $states.input.n > 10 %}", "Output": {"size": "big"}, "Next": "Done"}],
                          "Default": "Done", "Output": {"size": "small"}},
                    "Done": {"Type": "Succeed"}""";

            assertThat(output(states, "{\"n\": 11}")).isEqualTo(json("{\"size\": \"big\"}"));
            assertThat(output(states, "{\"n\": 1}")).isEqualTo(json("{\"size\": \"small\"}"));
        }

        @Test
        void aConditionThatIsNotBooleanFails() {
            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n %}", "Next": "Done"}], "Default": "Done"},
                    "Done": {"Type": "Succeed"}"""), "{\"n\": 3}");

            assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
            assertThat(execution.cause()).contains("'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean'");
        }

        @Test
        void waitSecondsAndTimestampTakeExpressions() {
            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Wait", "Seconds": "{% $states.input.delay %}", "Next": "T"},
                    "T": {"Type": "Wait", "Timestamp": "{% $states.input.until %}", "Next": "Done"},
                    "Done": {"Type": "Pass", "Output": "{% $states.context.State.EnteredTime %}", "End": true}"""),
                    "{\"delay\": 7200, \"until\": \"2001-01-01T00:00:00Z\"}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Duration.between(execution.startDate(), Instant.parse(execution.output().asText()))).isGreaterThanOrEqualTo(Duration.ofHours(2));
        }

        @Test
        void failErrorAndCauseTakeExpressions() {
            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Fail", "Error": "{% $states.input.code %}", "Cause": "{% 'order ' & $states.input.id & ' failed' %}"}"""),
                    "{\"code\": \"E42\", \"id\": \"o-1\"}");

            assertThat(execution.error()).isEqualTo("E42");
            assertThat(execution.cause()).isEqualTo("order o-1 failed");
        }

        @Test
        void mapItemsItemSelectorAndMaxConcurrencyTakeExpressions() {
            JsonNode output = output("""
                    "S": {"Type": "Map", "Items": "{% $states.input.orders %}", "MaxConcurrency": "{% 1 %}",
                          "ItemSelector": {"id": "{% $states.context.Map.Item.Value.id %}", "index": "{% $states.context.Map.Item.Index %}",
                                           "customer": "{% $states.input.customer %}"},
                          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.customer & '-' & $states.input.id %}", "End": true}}},
                          "End": true}""", "{\"customer\": \"ann\", \"orders\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");

            assertThat(output).isEqualTo(json("[\"ann-a\", \"ann-b\"]"));
        }

        @Test
        void mapItemsThatAreNotAnArrayFailWithAwsMessage() {
            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Map", "Items": "{% 'string' %}", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                          "End": true}"""), "{}");

            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'S' (entered at the event id #2). "
                    + "The JSONata expression ''string'' specified for the field 'Items' returned an unexpected result type. "
                    + "Expected 'array', but was 'string' for value: \"string\"");
        }

        @Test
        void taskTimeoutSecondsTakesAnExpression() {
            interpreter.integrations().register(LAMBDA, request -> new CompletableFuture<>());

            Execution execution = run(interpreter, machine("""
                    "S": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": "{% $states.input.timeout %}", "End": true}""".replace("%s", LAMBDA)),
                    "{\"timeout\": 1}");

            assertThat(execution.error()).isEqualTo("States.Timeout");
        }
    }

    @Nested
    class MixedLanguages {
        @Test
        void jsonPathAndJsonataStatesPassDataToEachOther() {
            Execution execution = run(interpreter, """
                    {"StartAt": "Path", "States": {
                      "Path": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($.n, $.n)"}, "Assign": {"original.$": "$.doubled"}, "Next": "Ata"},
                      "Ata": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"plusOne": "{% $states.input.doubled + 1 %}", "var": "{% $original %}"},
                              "Next": "Back"},
                      "Back": {"Type": "Pass", "Parameters": {"result.$": "$.plusOne", "var.$": "$original"}, "End": true}}}""", "{\"n\": 4}");

            assertThat(execution.output()).isEqualTo(json("{\"result\": 9, \"var\": 8}"));
            assertThat(eventTypes(execution)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered",
                    "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        }
    }
}
