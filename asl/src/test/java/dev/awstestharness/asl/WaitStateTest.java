package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WaitStateTest {
    private static final String WAIT_THEN_PASS = """
            {"StartAt": "Wait", "States": {
              "Wait": {"Type": "Wait", %s, "Next": "After"},
              "After": {"Type": "Pass", "Parameters": {"entered.$": "$$.State.EnteredTime", "input.$": "$"}, "End": true}}}""";

    @Nested
    class WhenWaitsAreSkipped {
        private final Interpreter interpreter = Interpreter.builder().waitScale(0).build();

        @AfterEach
        void close() {
            interpreter.close();
        }

        @Test
        void aOneHourWaitFinishesInMillisecondsWhileExecutionTimeAdvancesByAnHour() {
            long started = System.nanoTime();
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"Seconds\": 3600"), "{}");
            Duration realTime = Duration.ofNanos(System.nanoTime() - started);

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(realTime).isLessThan(Duration.ofSeconds(1));
            Instant entered = Instant.parse(execution.output().get("entered").asText());
            assertThat(Duration.between(execution.startDate(), entered)).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusSeconds(5));
            HistoryEvent waitEntered = event(execution, "WaitStateEntered");
            HistoryEvent waitExited = event(execution, "WaitStateExited");
            assertThat(Duration.between(waitEntered.timestamp(), waitExited.timestamp())).isGreaterThanOrEqualTo(Duration.ofHours(1));
        }

        @Test
        void aTimestampInTheFutureIsReachedAtOnce() {
            String tomorrow = Instant.now().plus(Duration.ofDays(1)).toString();
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"Timestamp\": \"" + tomorrow + "\""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Instant.parse(execution.output().get("entered").asText())).isAfterOrEqualTo(Instant.parse(tomorrow).minusMillis(1));
        }

        @Test
        void secondsPathReadsTheWaitFromTheInput() {
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"SecondsPath\": \"$.delay\""), "{\"delay\": 7200}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Duration.between(execution.startDate(), Instant.parse(execution.output().get("entered").asText())))
                    .isGreaterThanOrEqualTo(Duration.ofHours(2));
            assertThat(execution.output().get("input")).isEqualTo(Machines.json("{\"delay\": 7200}"));
        }

        @Test
        void timestampPathReadsTheTimestampFromTheInput() {
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"TimestampPath\": \"$.until\""),
                    "{\"until\": \"2016-03-14T01:59:00Z\"}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }

        @Test
        void aDecimalSecondsPathFailsTheExecutionAsAwsDoes() {
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"SecondsPath\": \"$.delay\""), "{\"delay\": 1.5}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Wait' (entered at the event id #2). "
                    + "The SecondsPath parameter cannot be parsed as a long value: $.delay == 1.5");
        }

        @Test
        void aNegativeSecondsPathFailsTheExecutionAsAwsDoes() {
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"SecondsPath\": \"$.delay\""), "{\"delay\": -1}");

            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Wait' (entered at the event id #2). "
                    + "The SecondsPath parameter references a negative value: $.delay == -1");
        }

        @Test
        void aTimestampPathThatIsNotATimestampFailsTheExecution() {
            Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"TimestampPath\": \"$.until\""), "{\"until\": \"tomorrow\"}");

            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).contains("TimestampPath").contains("$.until == \"tomorrow\"");
        }

        @Test
        void aSkippedWaitBeyondTheStateMachineTimeoutTimesTheExecutionOut() {
            String definition = """
                    {"StartAt": "Wait", "TimeoutSeconds": 60, "States": {
                      "Wait": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";

            Execution execution = run(interpreter, definition, "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(execution.error()).isEqualTo("States.Timeout");
            assertThat(eventTypes(execution)).last().isEqualTo("ExecutionTimedOut");
        }
    }

    @Nested
    class InRealTime {
        @Test
        void waitsTakeRealTimeByDefault() {
            try (Interpreter interpreter = Interpreter.builder().build()) {
                long started = System.nanoTime();
                Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"Seconds\": 1"), "{}");

                assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
        }

        @Test
        void aWaitScaleCompressesTheWait() {
            try (Interpreter interpreter = Interpreter.builder().waitScale(0.01).build()) {
                long started = System.nanoTime();
                Execution execution = run(interpreter, WAIT_THEN_PASS.formatted("\"Seconds\": 10"), "{}");
                Duration realTime = Duration.ofNanos(System.nanoTime() - started);

                assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(realTime).isBetween(Duration.ofMillis(95), Duration.ofSeconds(5));
                assertThat(Duration.between(execution.startDate(), Instant.parse(execution.output().get("entered").asText())))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
            }
        }

        @Test
        void aStoppedExecutionEndsItsWaitAtOnce() {
            try (Interpreter interpreter = Interpreter.builder().build()) {
                Execution execution = Machines.start(interpreter, WAIT_THEN_PASS.formatted("\"Seconds\": 3600"), "{}");
                awaitEvent(execution, "WaitStateEntered");

                execution.stop("Stopped", "by the test");

                assertThat(execution.await(Duration.ofSeconds(1)).status()).isEqualTo(ExecutionStatus.ABORTED);
                assertThat(eventTypes(execution)).last().isEqualTo("ExecutionAborted");
                assertThat(execution.error()).isEqualTo("Stopped");
            }
        }
    }

    static HistoryEvent event(Execution execution, String type) {
        return execution.history().stream().filter(event -> event.type().equals(type)).findFirst().orElseThrow();
    }

    static void awaitEvent(Execution execution, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (eventTypes(execution).stream().noneMatch(type::equals)) {
            if (System.nanoTime() > deadline) throw new AssertionError("no " + type + " event in " + eventTypes(execution));
            Thread.onSpinWait();
        }
    }
}
