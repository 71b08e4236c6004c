package dev.awstestharness.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A running or finished execution of a state machine. Thread-safe. */
public interface Execution {
    ExecutionRequest request();

    default String executionArn() {
        return request().executionArn();
    }

    ExecutionStatus status();

    Instant startDate();

    /** When the execution ended, or {@code null} while it runs. */
    Instant stopDate();

    /** The output of a succeeded execution, otherwise {@code null}. */
    JsonNode output();

    /** The error of a failed, timed-out or aborted execution ({@code null} when there is none). */
    String error();

    String cause();

    /** A copy of the history so far. */
    List<HistoryEvent> history();

    /** Completes with this execution when it has ended. */
    CompletableFuture<Execution> completion();

    /**
     * Waits for the end of the execution.
     *
     * @throws ExecutionTimeoutException when it is still running after {@code timeout}; the message names the state it is in
     */
    Execution await(Duration timeout);

    /** Stops a running execution (status ABORTED); does nothing when it has already ended. */
    void stop(String error, String cause);
}
