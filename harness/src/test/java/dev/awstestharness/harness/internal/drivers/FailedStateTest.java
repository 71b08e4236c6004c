package dev.awstestharness.harness.internal.drivers;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.harness.ExecutionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedStateTest {
    @Test
    void followsThePreviousEventsFromTheExecutionsEndToTheState() {
        List<ExecutionEvent> history = List.of(
                event(1, 0, "ExecutionStarted", null),
                event(2, 1, "TaskStateEntered", "Caught"),
                event(3, 2, "TaskFailed", null),
                event(4, 3, "TaskStateExited", "Caught"),
                event(5, 4, "TaskStateEntered", "Fails"),
                event(6, 5, "TaskScheduled", null),
                event(7, 6, "TaskStarted", null),
                event(8, 7, "TaskFailed", null),
                event(9, 8, "ExecutionFailed", null));

        assertThat(SdkStateMachineExecution.failedState(history)).isEqualTo("Fails");
    }

    @Test
    void fallsBackToTheLastStateEnteredAndNotLeft() {
        List<ExecutionEvent> history = List.of(
                event(1, 0, "ExecutionStarted", null),
                event(2, 1, "PassStateEntered", "First"),
                event(3, 2, "PassStateExited", "First"),
                event(4, 3, "WaitStateEntered", "Waiting"));

        assertThat(SdkStateMachineExecution.failedState(history)).isEqualTo("Waiting");
        assertThat(SdkStateMachineExecution.lastOpenState(history)).isEqualTo("Waiting");
    }

    private static ExecutionEvent event(long id, long previous, String type, String state) {
        return new ExecutionEvent(id, previous, type, state == null ? json("{}") : json("{\"name\": \"" + state + "\"}"));
    }
}
