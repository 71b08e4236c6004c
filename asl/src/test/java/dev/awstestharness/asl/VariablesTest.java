package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Workflow variables ({@code Assign}) in both query languages: evaluation order, references and scopes. */
class VariablesTest {
    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();

    @AfterEach
    void close() {
        interpreter.close();
    }

    private JsonNode output(String definition, String input) {
        Execution execution = run(interpreter, definition, input);
        assertThat(execution.status()).as("%s %s", execution.error(), execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return execution.output();
    }

    @Test
    void jsonPathAssignTakesLiteralsPathsIntrinsicsAndTheContext() {
        JsonNode output = output("""
                {"StartAt": "Set", "States": {
                  "Set": {"Type": "Pass", "Assign": {"literal": {"a": [1]}, "fromInput.$": "$.order.id", "formatted.$": "States.Format('#{}', $.order.id)",
                                                     "state.$": "$$.State.Name", "notAPath": "$.order"}, "Next": "Use"},
                  "Use": {"Type": "Pass", "Parameters": {"literal.$": "$literal", "fromInput.$": "$fromInput", "formatted.$": "$formatted",
                                                         "state.$": "$state", "notAPath.$": "$notAPath", "deep.$": "$literal.a[0]"}, "End": true}}}""",
                "{\"order\": {\"id\": \"o-7\"}}");

        assertThat(output).isEqualTo(json("""
                {"literal": {"a": [1]}, "fromInput": "o-7", "formatted": "#o-7", "state": "Set", "notAPath": "$.order", "deep": 1}"""));
    }

    @Test
    void inJsonPathStatesDollarInAssignIsTheResultAfterResultSelector() {
        interpreter.integrations().register("arn:aws:states:::lambda:invoke",
                request -> CompletableFuture.completedFuture(json("{\"Payload\": {\"total\": 10}}")));

        JsonNode output = output("""
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "ResultSelector": {"sum.$": "$.Payload.total"},
                           "ResultPath": null, "Assign": {"sum.$": "$.sum"}, "Next": "Use"},
                  "Use": {"Type": "Pass", "Parameters": {"sum.$": "$sum", "input.$": "$"}, "End": true}}}""", "{\"x\": 1}");

        assertThat(output).isEqualTo(json("{\"sum\": 10, \"input\": {\"x\": 1}}"));
    }

    @Test
    void allAssignmentsOfAStateSeeTheValuesFromBeforeTheState() {
        JsonNode output = output("""
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Assign": {"a": 1, "b": 2}, "Next": "Swap"},
                  "Swap": {"Type": "Pass", "Assign": {"a.$": "$b", "b.$": "$a"}, "Next": "Show"},
                  "Show": {"Type": "Pass", "Parameters": {"a.$": "$a", "b.$": "$b"}, "End": true}}}""", "{}");

        assertThat(output).isEqualTo(json("{\"a\": 2, \"b\": 1}"));
    }

    @Test
    void aJsonataOutputDoesNotSeeTheAssignmentsOfItsOwnState() {
        JsonNode output = output("""
                {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Assign": {"n": 1}, "Next": "Bump"},
                  "Bump": {"Type": "Pass", "Assign": {"n": "{% $n + 1 %}"}, "Output": {"seen": "{% $n %}"}, "Next": "After"},
                  "After": {"Type": "Pass", "Output": {"seen": "{% $states.input.seen %}", "now": "{% $n %}"}, "End": true}}}""", "{}");

        assertThat(output).isEqualTo(json("{\"seen\": 1, \"now\": 2}"));
    }

    @Test
    void variablesCanBeUsedInInputPathOutputPathAndChoiceRules() {
        JsonNode output = output("""
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Assign": {"limit": 10, "doc": {"value": 42}}, "Next": "Check"},
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThanPath": "$limit", "Next": "Small"}], "Default": "Big"},
                  "Small": {"Type": "Pass", "InputPath": "$doc", "OutputPath": "$.value", "End": true},
                  "Big": {"Type": "Fail", "Error": "TooBig"}}}""", "{\"n\": 3}");

        assertThat(output).isEqualTo(json("42"));
    }

    @Test
    void choiceRulesAssignWhenTheyMatchAndTheStateAssignsOnTheDefault() {
        String definition = """
                {"StartAt": "Check", "States": {
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 42, "Assign": {"status": "CORRECT"}, "Next": "Show"}],
                            "Assign": {"status": "INCORRECT"}, "Default": "Show"},
                  "Show": {"Type": "Pass", "Parameters": {"status.$": "$status"}, "End": true}}}""";

        assertThat(output(definition, "{\"n\": 42}")).isEqualTo(json("{\"status\": \"CORRECT\"}"));
        assertThat(output(definition, "{\"n\": 7}")).isEqualTo(json("{\"status\": \"INCORRECT\"}"));
    }

    @Test
    void aCatcherAssignsFromTheErrorOutput() {
        JsonNode output = output("""
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "why"}}}],
                           "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"failure.$": "$.Error"}, "ResultPath": null, "Next": "Show"}],
                           "End": true},
                  "Show": {"Type": "Pass", "Parameters": {"failure.$": "$failure"}, "End": true}}}""", "{}");

        assertThat(output).isEqualTo(json("{\"failure\": \"Boom\"}"));
    }

    @Test
    void iterationsReadOuterVariablesButTheirOwnAssignmentsStayInside() {
        JsonNode output = output("""
                {"StartAt": "Init", "States": {
                  "Init": {"Type": "Pass", "Assign": {"bias": 100, "seen": "outer"}, "Next": "Each"},
                  "Each": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Add", "States": {
                             "Add": {"Type": "Pass", "Assign": {"seen": "inner"}, "Parameters": {"v.$": "States.MathAdd($, $bias)"}, "Next": "Look"},
                             "Look": {"Type": "Pass", "Parameters": {"v.$": "$.v", "seen.$": "$seen"}, "End": true}}},
                           "ResultPath": "$.results", "Next": "After"},
                  "After": {"Type": "Pass", "Parameters": {"results.$": "$.results", "seen.$": "$seen"}, "End": true}}}""",
                "{\"items\": [1, 2]}");

        assertThat(output).isEqualTo(json("{\"results\": [{\"v\": 101, \"seen\": \"inner\"}, {\"v\": 102, \"seen\": \"inner\"}], \"seen\": \"outer\"}"));
    }

    @Test
    void parallelBranchesHaveTheirOwnScopes() {
        JsonNode output = output("""
                {"QueryLanguage": "JSONata", "StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "Branches": [
                      {"StartAt": "A1", "States": {"A1": {"Type": "Pass", "Assign": {"x": "a"}, "Next": "A2"},
                                                   "A2": {"Type": "Pass", "Output": "{% $x %}", "End": true}}},
                      {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "Assign": {"x": "b"}, "Next": "B2"},
                                                   "B2": {"Type": "Pass", "Output": "{% $x %}", "End": true}}}],
                    "End": true}}}""", "{}");

        assertThat(output).isEqualTo(json("[\"a\", \"b\"]"));
    }

    @Test
    void assigningMoreThan256KibFailsTheExecution() {
        String big = "x".repeat(200 * 1024);
        Execution execution = run(interpreter, """
                {"StartAt": "Set", "States": {"Set": {"Type": "Pass", "Assign": {"a.$": "$.big", "b.$": "$.big"}, "End": true}}}""",
                "{\"big\": \"" + big + "\"}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("'Set'").contains("exceed the maximum size");
    }

    @Test
    void anUndefinedVariableInJsonPathFailsNamingIt() {
        Execution execution = run(interpreter, """
                {"StartAt": "Use", "States": {"Use": {"Type": "Pass", "Parameters": {"v.$": "$nope"}, "End": true}}}""", "{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("$nope");
    }
}
