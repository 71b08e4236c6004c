package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryAndCatchTest {
    private static final String RESOURCE = "arn:aws:states:::lambda:invoke";

    private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();
    private final List<JsonNode> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        interpreter.close();
    }

    /** The task fails with the given errors, one per call, then succeeds. */
    private void failingWith(String... errors) {
        AtomicInteger attempt = new AtomicInteger();
        interpreter.integrations().register(RESOURCE, request -> {
            calls.add(request.parameters());
            int index = attempt.getAndIncrement();
            if (index < errors.length) throw new StatesError(errors[index], "attempt " + (index + 1) + " failed");
            return CompletableFuture.completedFuture(json("{\"attempts\": " + (index + 1) + "}"));
        });
    }

    private static String task(String retryAndCatch) {
        return """
                {"StartAt": "Call", "States": {
                  "Call": {"Type": "Task", "Resource": "%s", "Parameters": {"retry.$": "$$.State.RetryCount"}, %s, "Next": "Done"},
                  "Done": {"Type": "Pass", "Next": "Handled"},
                  "Handled": {"Type": "Pass", "End": true}}}""".formatted(RESOURCE, retryAndCatch);
    }

    private static List<Duration> delaysBetweenAttempts(Execution execution) {
        List<Duration> delays = new ArrayList<>();
        HistoryEvent lastFailure = null;
        for (HistoryEvent event : execution.history()) {
            if (event.type().equals("TaskFailed")) lastFailure = event;
            if (event.type().equals("TaskScheduled") && lastFailure != null) {
                delays.add(Duration.between(lastFailure.timestamp(), event.timestamp()));
                lastFailure = null;
            }
        }
        return delays;
    }

    @Nested
    class Retry {
        @Test
        void aRetriedTaskSucceedsAndSeesItsRetryCount() {
            failingWith("Flaky", "Flaky");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"]}]"), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo(json("{\"attempts\": 3}"));
            assertThat(calls).containsExactly(json("{\"retry\": 0}"), json("{\"retry\": 1}"), json("{\"retry\": 2}"));
        }

        @Test
        void theErrorIsRaisedOnceMaxAttemptsAreUsed() {
            failingWith("Flaky", "Flaky", "Flaky");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"MaxAttempts\": 2}]"), "{}");

            assertThat(execution.error()).isEqualTo("Flaky");
            assertThat(execution.cause()).isEqualTo("attempt 3 failed");
            assertThat(calls).hasSize(3);
        }

        @Test
        void maxAttemptsZeroNeverRetries() {
            failingWith("Flaky");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"MaxAttempts\": 0}]"), "{}");

            assertThat(execution.error()).isEqualTo("Flaky");
            assertThat(calls).hasSize(1);
        }

        @Test
        void intervalsGrowByTheBackoffRateOnTheExecutionClock() {
            failingWith("Flaky", "Flaky", "Flaky");

            Execution execution = run(interpreter,
                    task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 2, \"BackoffRate\": 3, \"MaxAttempts\": 3}]"), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(delaysBetweenAttempts(execution)).hasSize(3).satisfies(delays -> {
                assertThat(delays.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
                assertThat(delays.get(1)).isBetween(Duration.ofSeconds(6), Duration.ofMillis(6500));
                assertThat(delays.get(2)).isBetween(Duration.ofSeconds(18), Duration.ofMillis(18500));
            });
        }

        @Test
        void maxDelaySecondsCapsTheInterval() {
            failingWith("Flaky", "Flaky", "Flaky");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 2, "
                    + "\"BackoffRate\": 3, \"MaxAttempts\": 3, \"MaxDelaySeconds\": 5}]"), "{}");

            assertThat(delaysBetweenAttempts(execution)).allSatisfy(delay -> assertThat(delay).isLessThan(Duration.ofMillis(5500)));
            assertThat(delaysBetweenAttempts(execution).get(2)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void fullJitterKeepsEachDelayBelowTheBackoffDelay() {
            failingWith("Flaky", "Flaky", "Flaky");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 10, "
                    + "\"MaxAttempts\": 3, \"JitterStrategy\": \"FULL\"}]"), "{}");

            List<Duration> delays = delaysBetweenAttempts(execution);
            assertThat(delays.get(0)).isLessThan(Duration.ofMillis(10_500));
            assertThat(delays.get(1)).isLessThan(Duration.ofMillis(20_500));
            assertThat(delays.get(2)).isLessThan(Duration.ofMillis(40_500));
        }

        @Test
        void eachRetrierCountsItsOwnAttempts() {
            failingWith("A", "B", "A", "B");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"A\"], \"MaxAttempts\": 2}, "
                    + "{\"ErrorEquals\": [\"B\"], \"MaxAttempts\": 2}]"), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(calls).hasSize(5);
        }

        @Test
        void theFirstMatchingRetrierIsUsed() {
            failingWith("A", "A");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"A\"], \"MaxAttempts\": 1}, "
                    + "{\"ErrorEquals\": [\"States.ALL\"], \"MaxAttempts\": 5}]"), "{}");

            assertThat(execution.error()).isEqualTo("A");
            assertThat(calls).hasSize(2);
        }
    }

    @Nested
    class Catch {
        @Test
        void aCaughtErrorGoesToTheCatcherNextWithErrorAndCauseAtResultPath() {
            failingWith("Boom");

            Execution execution = run(interpreter, task("\"Catch\": [{\"ErrorEquals\": [\"Boom\"], \"ResultPath\": \"$.failure\", \"Next\": \"Handled\"}]"),
                    "{\"order\": 7}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo(json("{\"order\": 7, \"failure\": {\"Error\": \"Boom\", \"Cause\": \"attempt 1 failed\"}}"));
            assertThat(eventTypes(execution)).containsSubsequence("TaskFailed", "TaskStateExited", "PassStateEntered");
        }

        @Test
        void retriesComeBeforeTheCatcher() {
            failingWith("Boom", "Boom", "Boom");

            Execution execution = run(interpreter, task("\"Retry\": [{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 2}], "
                    + "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Handled\"}]"), "{}");

            assertThat(execution.output()).isEqualTo(json("{\"Error\": \"Boom\", \"Cause\": \"attempt 3 failed\"}"));
            assertThat(calls).hasSize(3);
        }

        @Test
        void statesTaskFailedMatchesTaskErrorsButNotATimeout() {
            interpreter.integrations().register(RESOURCE, request -> new CompletableFuture<>());
            String definition = """
                    {"StartAt": "Call", "States": {
                      "Call": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 1,
                               "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Handled"}], "End": true},
                      "Handled": {"Type": "Pass", "End": true}}}""".formatted(RESOURCE);

            Execution timedOut = run(interpreter, definition, "{}");
            assertThat(timedOut.error()).isEqualTo("States.Timeout");

            failingWith("Custom.Error");
            assertThat(run(interpreter, definition, "{}").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }

        @Test
        void statesAllDoesNotCatchARuntimeError() {
            failingWith();
            String definition = """
                    {"StartAt": "Call", "States": {
                      "Call": {"Type": "Task", "Resource": "%s", "Parameters": {"missing.$": "$.nope"},
                               "Retry": [{"ErrorEquals": ["States.ALL"]}],
                               "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
                      "Handled": {"Type": "Pass", "End": true}}}""".formatted(RESOURCE);

            Execution execution = run(interpreter, definition, "{\"other\": 1}");

            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Call' (entered at the event id #2). "
                    + "The JSONPath '$.nope' specified for the field 'missing.$' could not be found in the input '{\"other\":1}'");
            assertThat(calls).isEmpty();
        }

        @Test
        void aParallelStateCatchesTheErrorOfAFailedBranch() {
            String definition = """
                    {"StartAt": "Both", "States": {
                      "Both": {"Type": "Parallel", "Branches": [
                          {"StartAt": "Fine", "States": {"Fine": {"Type": "Pass", "End": true}}},
                          {"StartAt": "Broken", "States": {"Broken": {"Type": "Fail", "Error": "Branch.Broke", "Cause": "on purpose"}}}],
                        "Catch": [{"ErrorEquals": ["Branch.Broke"], "Next": "Handled"}], "End": true},
                      "Handled": {"Type": "Pass", "End": true}}}""";

            Execution execution = run(interpreter, definition, "{}");

            assertThat(execution.output()).isEqualTo(json("{\"Error\": \"Branch.Broke\", \"Cause\": \"on purpose\"}"));
        }

        @Test
        void aRetriedParallelStateRunsItsBranchesAgain() {
            failingWith("Flaky");
            String definition = """
                    {"StartAt": "Both", "States": {
                      "Both": {"Type": "Parallel", "Branches": [
                          {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "%s", "End": true}}}],
                        "Retry": [{"ErrorEquals": ["Flaky"]}], "End": true}}}""".formatted(RESOURCE);

            Execution execution = run(interpreter, definition, "{}");

            assertThat(execution.output()).isEqualTo(json("[{\"attempts\": 2}]"));
            assertThat(eventTypes(execution).stream().filter("ParallelStateStarted"::equals)).hasSize(2);
        }
    }

    @Test
    void retryWaitsAreCancelledWhenTheExecutionStops() {
        try (Interpreter realTime = Interpreter.builder().build()) {
            realTime.integrations().register(RESOURCE, request -> {
                throw new StatesError("Flaky", null);
            });
            Execution execution = Machines.start(realTime, task("\"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 3600}]"), "{}");
            WaitStateTest.awaitEvent(execution, "TaskFailed");

            execution.stop("Stopped", null);

            assertThat(execution.await(Duration.ofSeconds(2)).status()).isEqualTo(ExecutionStatus.ABORTED);
        }
    }
}
