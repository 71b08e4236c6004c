package dev.awstestharness.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Input and output processing through the public API: InputPath, Parameters (paths, the context object, intrinsic
 * functions), ResultSelector, ResultPath, OutputPath, Pass results, Succeed output and the 256 KiB payload limit.
 * Expected values follow the "Input and output processing" chapters of the Step Functions developer guide and the
 * outcomes recorded from AWS in the conformance corpus (base, context_object, comments, error_handling, scenarios).
 */
class InputOutputProcessingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String ECHO = "arn:aws:states:::lambda:invoke";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private Interpreter interpreter;
    /** What each call of the echo integration received. */
    private final List<JsonNode> echoed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startInterpreter() {
        interpreter = Interpreter.builder().waitScale(0)
                .integration(ECHO, request -> {
                    echoed.add(request.parameters());
                    return CompletableFuture.completedFuture(request.parameters());
                })
                .build();
    }

    @AfterEach
    void closeInterpreter() {
        interpreter.close();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Execution run(String definition, String input) {
        return run(definition, ExecutionRequest.of("Machine", "run-" + RUNS.incrementAndGet(), json(input)));
    }

    private Execution run(String definition, ExecutionRequest request) {
        return interpreter.start(StateMachineDefinition.parse(definition), request).await(Duration.ofSeconds(5));
    }

    /** Runs a one-state machine whose state "A" is {@code state} and returns the output of a successful execution. */
    private JsonNode output(String state, String input) {
        Execution execution = run(single(state), input);
        assertThat(execution.status()).as("status (error %s: %s)", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        return execution.output();
    }

    private static String single(String state) {
        return """
                {"StartAt": "A", "States": {"A": %s}}
                """.formatted(state);
    }

    @Nested
    class InputPath {
        @Test
        void inputPathSelectsPartOfTheInput() {
            assertThat(output("""
                    {"Type": "Pass", "InputPath": "$.numbers", "End": true}
                    """, "{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}}"))
                    .isEqualTo(json("{\"val1\": 3, \"val2\": 4}"));
        }

        @Test
        void aNullInputPathGivesAnEmptyObject() {
            assertThat(output("""
                    {"Type": "Pass", "InputPath": null, "Parameters": {"Arg2": "argument2", "FromInput.$": "$"}, "End": true}
                    """, "{\"InputValue\": 0}")).isEqualTo(json("{\"Arg2\": \"argument2\", \"FromInput\": {}}"));
        }

        @Test
        void anIndefiniteInputPathSelectsAnArray() {
            assertThat(output("""
                    {"Type": "Pass", "InputPath": "$.items[*].id", "End": true}
                    """, "{\"items\": [{\"id\": 1}, {\"id\": 2}]}")).isEqualTo(json("[1, 2]"));
        }

        @Test
        void anInputPathThatSelectsNothingFailsWithStatesRuntime() {
            Execution execution = run("""
                    {"StartAt": "pass", "States": {"pass": {"Type": "Pass", "InputPath": "$.NoSuchInputPath", "End": true}}}
                    """, "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at the event id #2). "
                    + "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
        }

        @Test
        void theTaskReceivesTheSelectedInput() {
            Execution execution = run(single("""
                    {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "InputPath": "$.payload", "End": true}
                    """), "{\"payload\": {\"id\": 7}, \"other\": true}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(echoed).containsExactly(json("{\"id\": 7}"));
        }
    }

    @Nested
    class Parameters {
        @Test
        void parametersMixConstantsAndPaths() {
            assertThat(output("""
                    {"Type": "Pass", "Parameters": {"constant": "text", "number": 3, "fromInput.$": "$.a.b", "nothing.$": "$.n", "whole.$": "$"}, "End": true}
                    """, "{\"a\": {\"b\": [1, 2]}, \"n\": null}"))
                    .isEqualTo(json("""
                            {"constant": "text", "number": 3, "fromInput": [1, 2], "nothing": null, "whole": {"a": {"b": [1, 2]}, "n": null}}
                            """));
        }

        @Test
        void parametersApplyToTheInputSelectedByInputPath() {
            assertThat(output("""
                    {"Type": "Pass", "InputPath": "$.order", "Parameters": {"id.$": "$.id"}, "End": true}
                    """, "{\"order\": {\"id\": \"o-1\"}, \"id\": \"outer\"}")).isEqualTo(json("{\"id\": \"o-1\"}"));
        }

        @Test
        void pathsAreEvaluatedInNestedObjectsAndArrays() {
            assertThat(output("""
                    {
                      "Type": "Pass",
                      "Parameters": {
                        "outer": {"inner.$": "$.x", "deeper": {"y.$": "$.y", "fixed": null}},
                        "list": [{"item.$": "$.y"}, "literal", 3, [{"z.$": "$.x"}]]
                      },
                      "End": true
                    }
                    """, "{\"x\": \"ex\", \"y\": 2}"))
                    .isEqualTo(json("""
                            {
                              "outer": {"inner": "ex", "deeper": {"y": 2, "fixed": null}},
                              "list": [{"item": 2}, "literal", 3, [{"z": "ex"}]]
                            }
                            """));
        }

        @Test
        void aCommentFieldInParametersIsKept() {
            assertThat(output("""
                    {"Type": "Pass", "Parameters": {"Comment": "Comment text", "comment": "comment text", "constant": "constant text"}, "End": true}
                    """, "{}")).isEqualTo(json("{\"Comment\": \"Comment text\", \"comment\": \"comment text\", \"constant\": \"constant text\"}"));
        }

        @Test
        void arrayElementsCanBeSelected() {
            String input = "{\"items\": [{\"item_key\": 0}, {\"item_key\": 1}, {\"item_key\": 2}]}";
            assertThat(output("{\"Type\": \"Pass\", \"Parameters\": {\"item.$\": \"$.items[0]\"}, \"End\": true}", input))
                    .isEqualTo(json("{\"item\": {\"item_key\": 0}}"));
            assertThat(output("{\"Type\": \"Pass\", \"Parameters\": {\"item.$\": \"$.items[2]\"}, \"End\": true}", input))
                    .isEqualTo(json("{\"item\": {\"item_key\": 2}}"));
            assertThat(output("{\"Type\": \"Pass\", \"Parameters\": {\"item.$\": \"$.items[1:]\"}, \"End\": true}", input))
                    .isEqualTo(json("{\"item\": [{\"item_key\": 1}, {\"item_key\": 2}]}"));
        }

        @Test
        void indefinitePathsOnMissingDataGiveAnEmptyArray() {
            for (String path : new String[] {"$.items[*].itemValue", "$.items[*]", "$.items[1:]", "$.items[:1]", "$.item.items[:1]", "$[*]"}) {
                assertThat(output("{\"Type\": \"Pass\", \"Parameters\": {\"item.$\": \"" + path + "\"}, \"End\": true}", "{}"))
                        .as("Parameters with %s on {}", path).isEqualTo(json("{\"item\": []}"));
            }
        }

        @Test
        void aWildcardPathCollectsEveryMatch() {
            assertThat(output("""
                    {"Type": "Pass", "Parameters": {"values.$": "$.items[*].v"}, "End": true}
                    """, "{\"items\": [{\"v\": 1}, {\"v\": \"two\"}, {\"v\": [3]}]}")).isEqualTo(json("{\"values\": [1, \"two\", [3]]}"));
        }

        @Test
        void aPathThatSelectsNothingFailsNamingTheField() {
            Execution execution = run(single("""
                    {"Type": "Pass", "Parameters": {"present.$": "$.present", "value.$": "$.missing"}, "End": true}
                    """), "{\"present\": 1}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).startsWith("An error occurred while executing the state 'A' (entered at the event id #2). "
                    + "The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '");
        }

        @Test
        void intrinsicFunctionsAreEvaluated() {
            assertThat(output("""
                    {
                      "Type": "Pass",
                      "Parameters": {
                        "greeting.$": "States.Format('Hello, {}!', $.name)",
                        "count.$": "States.ArrayLength($.list)",
                        "sum.$": "States.MathAdd($.list[0], 10)",
                        "nested.$": "States.Format('{} has {} items', $.name, States.ArrayLength($.list))",
                        "fromContext.$": "States.Format('state {}', $$.State.Name)"
                      },
                      "End": true
                    }
                    """, "{\"name\": \"World\", \"list\": [1, 2, 3]}"))
                    .isEqualTo(json("""
                            {
                              "greeting": "Hello, World!",
                              "count": 3,
                              "sum": 11,
                              "nested": "World has 3 items",
                              "fromContext": "state A"
                            }
                            """));
        }

        @Test
        void theTaskReceivesTheParameters() {
            Execution execution = run(single("""
                    {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Parameters": {"FunctionName": "f", "Payload": {"id.$": "$.id"}}, "End": true}
                    """), "{\"id\": 42}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(echoed).containsExactly(json("{\"FunctionName\": \"f\", \"Payload\": {\"id\": 42}}"));
        }
    }

    @Nested
    class ContextObject {
        private static final String CONTEXT_FIELDS = """
                {
                  "Type": "Pass",
                  "Parameters": {
                    "executionId.$": "$$.Execution.Id",
                    "executionName.$": "$$.Execution.Name",
                    "executionInput.$": "$$.Execution.Input",
                    "startTime.$": "$$.Execution.StartTime",
                    "roleArn.$": "$$.Execution.RoleArn",
                    "stateMachineId.$": "$$.StateMachine.Id",
                    "stateMachineName.$": "$$.StateMachine.Name",
                    "stateName.$": "$$.State.Name",
                    "enteredTime.$": "$$.State.EnteredTime",
                    "retryCount.$": "$$.State.RetryCount"
                  },
                  "End": true
                }
                """;

        @Test
        void theContextObjectDescribesTheExecutionStateMachineAndState() {
            ExecutionRequest request = new ExecutionRequest(
                    "arn:aws:states:eu-west-1:111122223333:execution:Orders:order-17", "order-17",
                    "arn:aws:states:eu-west-1:111122223333:stateMachine:Orders", "Orders",
                    "arn:aws:iam::111122223333:role/OrdersRole", json("{\"order\": 17}"));
            Execution execution = run("""
                    {"StartAt": "First", "States": {"First": {"Type": "Pass", "Next": "Describe"}, "Describe": %s}}
                    """.formatted(CONTEXT_FIELDS), request);
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = execution.output();
            assertThat(output.get("executionId").asText()).isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:Orders:order-17");
            assertThat(output.get("executionName").asText()).isEqualTo("order-17");
            assertThat(output.get("executionInput")).isEqualTo(json("{\"order\": 17}"));
            assertThat(output.get("roleArn").asText()).isEqualTo("arn:aws:iam::111122223333:role/OrdersRole");
            assertThat(output.get("stateMachineId").asText()).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:Orders");
            assertThat(output.get("stateMachineName").asText()).isEqualTo("Orders");
            assertThat(output.get("stateName").asText()).isEqualTo("Describe");
            assertThat(output.get("retryCount")).isEqualTo(json("0"));
        }

        @Test
        void startTimeAndEnteredTimeAreIsoTimestampsWithMilliseconds() {
            Execution execution = run(single(CONTEXT_FIELDS), "{}");
            String startTime = execution.output().get("startTime").asText();
            String enteredTime = execution.output().get("enteredTime").asText();
            assertThat(startTime).matches(TIMESTAMP);
            assertThat(enteredTime).matches(TIMESTAMP);
            assertThat(Instant.parse(startTime)).isEqualTo(execution.startDate().truncatedTo(ChronoUnit.MILLIS));
            assertThat(Instant.parse(enteredTime)).isAfterOrEqualTo(Instant.parse(startTime))
                    .isBeforeOrEqualTo(execution.stopDate());
        }

        @Test
        void theExecutionInputIsTheOriginalInputInEveryState() {
            assertThat(run("""
                    {
                      "StartAt": "Replace",
                      "States": {
                        "Replace": {"Type": "Pass", "Result": {"replaced": true}, "Next": "Read"},
                        "Read": {"Type": "Pass", "Parameters": {"original.$": "$$.Execution.Input", "current.$": "$"}, "End": true}
                      }
                    }
                    """, "{\"start\": 1}").output())
                    .isEqualTo(json("{\"original\": {\"start\": 1}, \"current\": {\"replaced\": true}}"));
        }

        @Test
        void retryCountCountsTheRetriesOfATask() {
            AtomicInteger calls = new AtomicInteger();
            interpreter.integrations().register("arn:aws:states:::lambda:invoke:flaky", request -> calls.incrementAndGet() < 3
                    ? CompletableFuture.failedFuture(new StatesError("Flaky", "try again"))
                    : CompletableFuture.completedFuture(request.parameters()));
            Execution execution = run(single("""
                    {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke:flaky",
                      "Parameters": {"retryCount.$": "$$.State.RetryCount"},
                      "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 1, "MaxAttempts": 3}],
                      "End": true
                    }
                    """), "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo(json("{\"retryCount\": 2}"));
        }

        @Test
        void aContextFieldThatDoesNotExistFailsNamingTheField() {
            Execution execution = run(single("""
                    {"Type": "Pass", "Parameters": {"token.$": "$$.Task.Token"}, "End": true}
                    """), "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).contains("The JSONPath '$$.Task.Token' specified for the field 'token.$' could not be found");
        }

        @Test
        void outputPathCanSelectFromTheContextObject() {
            assertThat(output("""
                    {"Type": "Pass", "OutputPath": "$$.Execution.Input", "End": true}
                    """, "{\"input-value\": 0}")).isEqualTo(json("{\"input-value\": 0}"));
        }
    }

    @Nested
    class ResultPath {
        @Test
        void withoutResultPathTheResultReplacesTheInput() {
            assertThat(output("""
                    {"Type": "Pass", "Result": "Hello, AWS Step Functions!", "End": true}
                    """, "{\"who\": \"AWS Step Functions\"}")).isEqualTo(json("\"Hello, AWS Step Functions!\""));
        }

        @Test
        void resultPathDollarReplacesTheInput() {
            assertThat(output("""
                    {"Type": "Pass", "Result": {"r": 1}, "ResultPath": "$", "End": true}
                    """, "{\"who\": \"AWS Step Functions\"}")).isEqualTo(json("{\"r\": 1}"));
        }

        @Test
        void aResultPathAddsTheResultToTheInput() {
            assertThat(output("""
                    {"Type": "Pass", "Result": "Hello", "ResultPath": "$.taskresult", "End": true}
                    """, "{\"who\": \"AWS Step Functions\"}"))
                    .isEqualTo(json("{\"who\": \"AWS Step Functions\", \"taskresult\": \"Hello\"}"));
        }

        @Test
        void aResultPathIntoAChildNodeKeepsItsSiblings() {
            assertThat(output("""
                    {"Type": "Pass", "Result": "Hello", "ResultPath": "$.strings.lambdaresult", "End": true}
                    """, "{\"strings\": {\"string1\": \"foo\"}, \"who\": \"x\"}"))
                    .isEqualTo(json("{\"strings\": {\"string1\": \"foo\", \"lambdaresult\": \"Hello\"}, \"who\": \"x\"}"));
        }

        @Test
        void aResultPathCreatesTheObjectsOnItsWay() {
            assertThat(output("""
                    {"Type": "Pass", "Result": [1, 2], "ResultPath": "$.a.b.c", "End": true}
                    """, "{\"x\": 1}")).isEqualTo(json("{\"x\": 1, \"a\": {\"b\": {\"c\": [1, 2]}}}"));
        }

        @Test
        void aResultPathCanUseBracketNotation() {
            assertThat(output("""
                    {"Type": "Pass", "Result": true, "ResultPath": "$['my key'].flag", "End": true}
                    """, "{\"other\": 1}")).isEqualTo(json("{\"other\": 1, \"my key\": {\"flag\": true}}"));
        }

        @Test
        void aResultPathOverwritesAnExistingNode() {
            assertThat(output("""
                    {"Type": "Pass", "Result": "new", "ResultPath": "$.comment", "End": true}
                    """, "{\"comment\": {\"old\": true}, \"details\": \"kept\"}"))
                    .isEqualTo(json("{\"comment\": \"new\", \"details\": \"kept\"}"));
        }

        @Test
        void aNullResultPathDiscardsTheResult() {
            assertThat(output("""
                    {"Type": "Pass", "Result": {"r": 1}, "ResultPath": null, "End": true}
                    """, "{\"kept\": true}")).isEqualTo(json("{\"kept\": true}"));
        }

        @Test
        void resultPathCombinesWithTheRawInputNotTheInputPathSelection() {
            assertThat(output("""
                    {"Type": "Pass", "InputPath": "$.numbers", "Result": 7, "ResultPath": "$.sum", "End": true}
                    """, "{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}}"))
                    .isEqualTo(json("{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}, \"sum\": 7}"));
        }

        @Test
        void aResultPathIntoAnInputThatIsNotAnObjectFailsWithResultPathMatchFailure() {
            Execution execution = run("""
                    {
                      "StartAt": "Text",
                      "States": {
                        "Text": {"Type": "Pass", "Result": "just text", "Next": "Place"},
                        "Place": {"Type": "Pass", "Result": 1, "ResultPath": "$.r", "End": true}
                      }
                    }
                    """, "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.ResultPathMatchFailure");
            assertThat(execution.cause()).contains("ReferencePath $.r");
        }

        @Test
        void aResultPathMatchFailureCanBeCaught() {
            interpreter.integrations().register("arn:aws:states:::lambda:invoke:text", request ->
                    CompletableFuture.completedFuture(json("\"done\"")));
            Execution execution = run("""
                    {
                      "StartAt": "Text",
                      "States": {
                        "Text": {"Type": "Pass", "Result": ["not", "an", "object"], "Next": "Call"},
                        "Call": {
                          "Type": "Task",
                          "Resource": "arn:aws:states:::lambda:invoke:text",
                          "ResultPath": "$.r",
                          "Catch": [{"ErrorEquals": ["States.ResultPathMatchFailure"], "ResultPath": null, "Next": "Caught"}],
                          "End": true
                        },
                        "Caught": {"Type": "Pass", "End": true}
                      }
                    }
                    """, "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo(json("[\"not\", \"an\", \"object\"]"));
        }

        @Test
        void aCatcherResultPathKeepsTheInputWithTheError() {
            interpreter.integrations().register("arn:aws:states:::lambda:invoke:failing", request ->
                    CompletableFuture.failedFuture(new StatesError("Error here", "it broke")));
            Execution execution = run("""
                    {
                      "StartAt": "Call",
                      "States": {
                        "Call": {
                          "Type": "Task",
                          "Resource": "arn:aws:states:::lambda:invoke:failing",
                          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "NextTask"}],
                          "End": true
                        },
                        "NextTask": {"Type": "Pass", "End": true}
                      }
                    }
                    """, "{\"foo\": \"bar\"}");
            assertThat(execution.output()).isEqualTo(json("{\"foo\": \"bar\", \"error\": {\"Error\": \"Error here\", \"Cause\": \"it broke\"}}"));
        }
    }

    @Nested
    class OutputPath {
        @Test
        void outputPathSelectsFromTheResultCombinedWithTheInput() {
            assertThat(output("""
                    {"Type": "Pass", "InputPath": "$.numbers", "Result": 7, "ResultPath": "$.sum", "OutputPath": "$.sum", "End": true}
                    """, "{\"numbers\": {\"val1\": 3, \"val2\": 4}}")).isEqualTo(json("7"));
        }

        @Test
        void aNullOutputPathGivesAnEmptyObject() {
            assertThat(output("""
                    {"Type": "Pass", "OutputPath": null, "End": true}
                    """, "{\"InputValue\": 0}")).isEqualTo(json("{}"));
        }

        @Test
        void nullInputPathAndOutputPathAcrossStates() {
            // recorded from AWS: test_state_pass_result_null_input_output_paths
            assertThat(run("""
                    {
                      "StartAt": "State0",
                      "States": {
                        "State0": {"Type": "Pass", "Parameters": {"Arg1": "argument1", "FromInput.$": "$"}, "Next": "State1"},
                        "State1": {"Type": "Pass", "InputPath": null, "Parameters": {"Arg2": "argument2", "FromInput.$": "$"}, "Next": "State2"},
                        "State2": {"Type": "Pass", "OutputPath": null, "End": true}
                      }
                    }
                    """, "{\"InputValue\": 0}").output()).isEqualTo(json("{}"));
        }

        @Test
        void anOutputPathThatSelectsNothingFailsWithStatesRuntime() {
            Execution execution = run("""
                    {"StartAt": "pass", "States": {"pass": {"Type": "Pass", "OutputPath": "$.NoSuchOutputPath", "End": true}}}
                    """, "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at the event id #2). "
                    + "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']");
        }

        @Test
        void aTaskRunsThePipelineInOrder() {
            // InputPath -> Parameters -> task -> ResultSelector -> ResultPath -> OutputPath
            Execution execution = run(single("""
                    {
                      "Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "InputPath": "$.order",
                      "Parameters": {"Payload": {"id.$": "$.id", "qty.$": "$.qty"}},
                      "ResultSelector": {"echoedId.$": "$.Payload.id", "state.$": "$$.State.Name"},
                      "ResultPath": "$.order.result",
                      "OutputPath": "$.order",
                      "End": true
                    }
                    """), "{\"order\": {\"id\": \"o-1\", \"qty\": 2}, \"customer\": \"c\"}");
            assertThat(echoed).containsExactly(json("{\"Payload\": {\"id\": \"o-1\", \"qty\": 2}}"));
            assertThat(execution.output()).isEqualTo(json("{\"id\": \"o-1\", \"qty\": 2, \"result\": {\"echoedId\": \"o-1\", \"state\": \"A\"}}"));
        }
    }

    @Nested
    class PassAndSucceed {
        @Test
        void aPassStateWithoutResultPassesItsInputOn() {
            assertThat(output("""
                    {"Type": "Pass", "End": true}
                    """, "{\"a\": [1, {\"b\": null}]}")).isEqualTo(json("{\"a\": [1, {\"b\": null}]}"));
        }

        @Test
        void aPassResultReplacesTheInput() {
            assertThat(output("""
                    {"Type": "Pass", "Result": {"Arg1": "argument1"}, "End": true}
                    """, "{\"ignored\": true}")).isEqualTo(json("{\"Arg1\": \"argument1\"}"));
        }

        @Test
        void dollarKeysInAPassResultAreKeptLiterally() {
            // recorded from AWS: test_state_pass_result_jsonpaths
            assertThat(output("""
                    {"Type": "Pass", "Result": {"unsupported1.$": "$.jsonpath", "unsupported2.$": "$$"}, "End": true}
                    """, "{\"jsonpath\": 1}")).isEqualTo(json("{\"unsupported1.$\": \"$.jsonpath\", \"unsupported2.$\": \"$$\"}"));
        }

        @Test
        void aSucceedStateOutputsItsInput() {
            assertThat(output("""
                    {"Type": "Succeed"}
                    """, "{\"done\": [true]}")).isEqualTo(json("{\"done\": [true]}"));
        }

        @Test
        void aSucceedStateAppliesInputPathThenOutputPath() {
            assertThat(output("""
                    {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}
                    """, "{\"a\": {\"b\": {\"c\": 1}, \"d\": 2}}")).isEqualTo(json("{\"c\": 1}"));
        }

        @Test
        void aSucceedStateAfterOtherStatesEndsWithTheirOutput() {
            assertThat(run("""
                    {
                      "StartAt": "Make",
                      "States": {
                        "Make": {"Type": "Pass", "Result": {"made": 1}, "ResultPath": "$.made", "Next": "Done"},
                        "Done": {"Type": "Succeed"}
                      }
                    }
                    """, "{\"start\": true}").output()).isEqualTo(json("{\"start\": true, \"made\": {\"made\": 1}}"));
        }
    }

    @Nested
    class DataLimit {
        private static final String LIMIT_CAUSE = "The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.";

        @Test
        void aPassResultOverTheLimitFailsWithDataLimitExceeded() {
            // recorded from AWS: test_start_large_input (a 257 KiB string)
            String large = "a".repeat(257 * 1024);
            Execution execution = run("""
                    {"StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": {"Arg1": "%s"}, "End": true}}}
                    """.formatted(large), "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.DataLimitExceeded");
            assertThat(execution.cause()).isEqualTo(LIMIT_CAUSE.formatted("State_1"));
        }

        @Test
        void theLimitCountsUtf8BytesNotCharacters() {
            // 90 Ki characters, but 270 KiB as UTF-8: the quota is "256 KiB of data as a UTF-8 encoded string"
            String euros = "\u20ac".repeat(90 * 1024);
            Execution execution = run("""
                    {"StartAt": "Euros", "States": {"Euros": {"Type": "Pass", "Result": "%s", "End": true}}}
                    """.formatted(euros), "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.DataLimitExceeded");
            assertThat(execution.cause()).isEqualTo(LIMIT_CAUSE.formatted("Euros"));
        }

        @Test
        void anOutputJustUnderTheLimitIsAccepted() {
            String large = "a".repeat(255 * 1024);
            assertThat(run("""
                    {"StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": {"Arg1": "%s"}, "End": true}}}
                    """.formatted(large), "{}").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }

        @Test
        void aTaskResultOverTheLimitIsNotCaughtByStatesAll() {
            interpreter.integrations().register("arn:aws:states:::lambda:invoke:large", request ->
                    CompletableFuture.completedFuture(json("{\"data\": \"" + "b".repeat(300 * 1024) + "\"}")));
            Execution execution = run("""
                    {
                      "StartAt": "Big",
                      "States": {
                        "Big": {
                          "Type": "Task",
                          "Resource": "arn:aws:states:::lambda:invoke:large",
                          "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],
                          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],
                          "End": true
                        },
                        "Caught": {"Type": "Succeed"}
                      }
                    }
                    """, "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.DataLimitExceeded");
            assertThat(execution.cause()).isEqualTo(LIMIT_CAUSE.formatted("Big"));
            assertThat(execution.history()).extracting(HistoryEvent::type).doesNotContain("SucceedStateEntered");
        }
    }
}
