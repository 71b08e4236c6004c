package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParallelAndMapTest {
    private static final String SLOW_TASK = "arn:aws:states:::lambda:invoke";

    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunningAtOnce = new AtomicInteger();

    @AfterEach
    void close() {
        interpreter.close();
        scheduler.shutdownNow();
    }

    /** A task that echoes its input after 20 ms, tracking how many run at once. */
    private void registerSlowEcho() {
        interpreter.integrations().register(SLOW_TASK, request -> {
            mostRunningAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            CompletableFuture<JsonNode> result = new CompletableFuture<>();
            scheduler.schedule(() -> {
                running.decrementAndGet();
                result.complete(request.parameters());
            }, 20, TimeUnit.MILLISECONDS);
            return result;
        });
    }

    @Nested
    class Parallel {
        @Test
        void eachBranchGetsTheEffectiveInputAndTheOutputsKeepBranchOrder() {
            registerSlowEcho();
            String definition = """
                    {"StartAt": "Both", "States": {"Both": {"Type": "Parallel",
                      "Parameters": {"n.$": "$.value"},
                      "Branches": [
                        {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "%s", "Parameters": {"slow.$": "$.n"}, "End": true}}},
                        {"StartAt": "Fast", "States": {"Fast": {"Type": "Pass", "Parameters": {"fast.$": "$.n"}, "End": true}}}],
                      "ResultSelector": {"first.$": "$[0].slow", "second.$": "$[1].fast"},
                      "ResultPath": "$.both", "End": true}}}""".formatted(SLOW_TASK);

            Execution execution = run(interpreter, definition, "{\"value\": 5}");

            assertThat(execution.output()).isEqualTo(json("{\"value\": 5, \"both\": {\"first\": 5, \"second\": 5}}"));
            assertThat(eventTypes(execution)).containsSubsequence("ParallelStateEntered", "ParallelStateStarted",
                    "ParallelStateSucceeded", "ParallelStateExited");
        }

        @Test
        void aFailingBranchFailsTheStateWithItsErrorAndStopsTheOthers() {
            interpreter.integrations().register(SLOW_TASK, request -> new CompletableFuture<>());
            String definition = """
                    {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "Branches": [
                        {"StartAt": "Forever", "States": {"Forever": {"Type": "Task", "Resource": "%s", "End": true}}},
                        {"StartAt": "Broken", "States": {"Broken": {"Type": "Fail", "Error": "Broke", "Cause": "branch two"}}}],
                      "End": true}}}""".formatted(SLOW_TASK);

            Execution execution = run(interpreter, definition, "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("Broke");
            assertThat(execution.cause()).isEqualTo("branch two");
            assertThat(eventTypes(execution)).contains("ParallelStateFailed").last().isEqualTo("ExecutionFailed");
        }
    }

    @Nested
    class Map {
        @Test
        void itemSelectorSeesTheMapInputAndTheContextItem() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.orders",
                      "ItemSelector": {"index.$": "$$.Map.Item.Index", "order.$": "$$.Map.Item.Value", "customer.$": "$.customer"},
                      "ItemProcessor": {"StartAt": "Label", "States": {"Label": {"Type": "Pass",
                          "Parameters": {"label.$": "States.Format('{}#{}-{}', $.customer, $.order.id, $.index)"}, "End": true}}},
                      "End": true}}}""";

            Execution execution = run(interpreter, definition, "{\"customer\": \"ann\", \"orders\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");

            assertThat(execution.output()).isEqualTo(json("[{\"label\": \"ann#a-0\"}, {\"label\": \"ann#b-1\"}]"));
            assertThat(eventTypes(execution)).containsSubsequence("MapStateEntered", "MapStateStarted", "MapIterationStarted",
                    "MapIterationSucceeded", "MapIterationStarted", "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited");
            assertThat(execution.history().get(2).details().get("length").asInt()).isEqualTo(2);
        }

        @Test
        void theLegacyIteratorAndParametersFieldsWork() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map",
                      "Parameters": {"value.$": "$$.Map.Item.Value"},
                      "Iterator": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}, "End": true}}}""";

            assertThat(run(interpreter, definition, "[1, 2]").output()).isEqualTo(json("[{\"value\": 1}, {\"value\": 2}]"));
        }

        @Test
        void maxConcurrencyLimitsTheIterationsRunningAtOnce() {
            registerSlowEcho();
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 2,
                      "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "%s", "End": true}}},
                      "End": true}}}""".formatted(SLOW_TASK);

            Execution execution = run(interpreter, definition, "[1, 2, 3, 4, 5, 6]");

            assertThat(execution.output()).isEqualTo(json("[1, 2, 3, 4, 5, 6]"));
            assertThat(mostRunningAtOnce.get()).isEqualTo(2);
        }

        @Test
        void withoutMaxConcurrencyAllIterationsRunAtOnce() {
            registerSlowEcho();
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrencyPath": "$.limit", "ItemsPath": "$.items",
                      "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "%s", "End": true}}},
                      "End": true}}}""".formatted(SLOW_TASK);

            Execution execution = run(interpreter, definition, "{\"limit\": 0, \"items\": [1, 2, 3, 4, 5, 6]}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(mostRunningAtOnce.get()).isEqualTo(6);
        }

        @Test
        void aMaxConcurrencyPathThatIsNotAnIntegerFailsAsAwsReportsIt() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrencyPath": "$.limit", "ItemsPath": "$.items",
                      "ItemProcessor": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}, "End": true}}}""";

            Execution execution = run(interpreter, definition, "{\"limit\": \"NoNumber\", \"items\": [1]}");

            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Each' (entered at the event id #2). "
                    + "The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a valid integer: $.limit");
        }

        @Test
        void aFailedIterationFailsTheMapWithItsError() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map",
                      "ItemProcessor": {"StartAt": "Check", "States": {
                        "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 3, "Next": "Bad"}], "Default": "Good"},
                        "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "three"},
                        "Good": {"Type": "Pass", "End": true}}},
                      "End": true}}}""";

            Execution execution = run(interpreter, definition, "[1, 2, 3, 4]");

            assertThat(execution.error()).isEqualTo("Item.Bad");
            assertThat(eventTypes(execution)).contains("MapIterationFailed", "MapStateFailed");
        }

        @Test
        void toleratedFailuresKeepTheMapGoingUntilTheThresholdIsExceeded() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ToleratedFailureCount": %d,
                      "ItemProcessor": {"StartAt": "Check", "States": {
                        "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericGreaterThan": 2, "Next": "Bad"}], "Default": "Good"},
                        "Bad": {"Type": "Fail", "Error": "Item.Bad", "Cause": "too big"},
                        "Good": {"Type": "Pass", "End": true}}},
                      "End": true}}}""";

            Execution tolerated = run(interpreter, definition.formatted(2), "[1, 2, 3, 4]");
            assertThat(tolerated.output()).isEqualTo(json("[1, 2, {\"Error\": \"Item.Bad\", \"Cause\": \"too big\"}, "
                    + "{\"Error\": \"Item.Bad\", \"Cause\": \"too big\"}]"));

            Execution exceeded = run(interpreter, definition.formatted(1), "[1, 2, 3, 4]");
            assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        }

        @Test
        void itemsThatAreNotAnArrayFailTheExecution() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
                      "ItemProcessor": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}, "End": true}}}""";

            Execution execution = run(interpreter, definition, "{\"items\": true}");

            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Each' (entered at the event id #2). "
                    + "Map state input must be an array but was: true");
        }

        @Test
        void aMapOfAThousandSynchronousItemsCompletesOnTheCallersThread() {
            String definition = """
                    {"StartAt": "Each", "States": {"Each": {"Type": "Map",
                      "ItemProcessor": {"StartAt": "Double", "States": {"Double": {"Type": "Pass",
                          "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}}, "End": true}}}""";
            StringBuilder items = new StringBuilder("[");
            for (int i = 0; i < 1000; i++) items.append(i == 0 ? "" : ",").append(i);

            try (Interpreter direct = Interpreter.builder().executor(Runnable::run).build()) {
                Execution execution = Machines.start(direct, definition, items.append("]").toString());

                assertThat(execution.status()).as("finished before start() returned").isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(execution.output()).hasSize(1000);
                assertThat(execution.output().get(999)).isEqualTo(json("{\"v\": 1998}"));
            }
        }
    }
}
