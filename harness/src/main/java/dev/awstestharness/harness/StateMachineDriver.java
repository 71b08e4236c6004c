package dev.awstestharness.harness;

import java.time.Duration;

/** Starts and talks to one state machine. Inputs are any value Jackson can write (a JSON string is parsed). */
public interface StateMachineDriver {
    String arn();

    /** Starts an execution and waits for its end, at most the target's default execution timeout. */
    StateMachineExecution execute(Object input);

    /**
     * Starts an execution and waits for its end.
     *
     * @throws AssertionError when it is still running after {@code timeout}, naming the state it is in
     */
    StateMachineExecution execute(Object input, Duration timeout);

    /** Starts an execution and returns at once. */
    StateMachineExecution startExecution(Object input);

    void sendTaskSuccess(String taskToken, Object output);

    void sendTaskFailure(String taskToken, String error, String cause);

    void sendTaskHeartbeat(String taskToken);
}
