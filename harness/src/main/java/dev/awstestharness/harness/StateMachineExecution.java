package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** One execution of a state machine. Reads reflect its state at the time of the call. */
public interface StateMachineExecution {
    String arn();

    /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED. */
    String status();

    boolean isRunning();

    /** The output of a succeeded execution; fails (AssertionError) for any other status, saying which. */
    JsonNode output();

    /** The error and cause of a failed, timed-out or aborted execution; fails (AssertionError) for a running or succeeded one. */
    ExecutionFailure failure();

    /** Passes if the execution succeeded; otherwise fails naming the status, the failed state, the error and the cause. */
    StateMachineExecution assertSucceeded();

    /** Waits for the end; fails (AssertionError) after {@code timeout} naming the state it is in. */
    StateMachineExecution awaitCompletion(Duration timeout);

    /** The history so far, oldest first. */
    List<ExecutionEvent> history();
}
