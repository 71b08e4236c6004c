package dev.awstestharness.doubles.internal;

import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.ResultsTable;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Waits for an invocation's result item: a consistent GetItem, first after 1 ms and then after one and a half times
 * the previous pause, up to 20 ms between reads, until the item is there or the timeout has passed. Twins usually
 * answer within milliseconds, so the pauses stay short where the answer is most likely; at most 50 reads a second
 * keeps a long wait cheap on DynamoDB.
 */
public final class ResultWaiter {
    static final long FIRST_PAUSE_NANOS = 1_000_000;
    static final long MAX_PAUSE_NANOS = 20_000_000;

    private ResultWaiter() {}

    /**
     * The result stored under {@code key}, or empty when none came within {@code timeout} (the table is read once
     * more at the deadline).
     *
     * @throws InterruptedException when the waiting thread is interrupted (the Lambda or container is stopping)
     */
    public static Optional<InvocationResult> await(DynamoDbClient dynamoDb, String table, String key, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            if (Thread.interrupted()) throw new InterruptedException("Interrupted while waiting for the result '" + key + "'");
            Optional<InvocationResult> result = ResultsTable.findResult(dynamoDb, table, key);
            if (result.isPresent()) return result;
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            long sleep = Math.min(pause, left);
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            pause = Math.min(pause + pause / 2, MAX_PAUSE_NANOS);
        }
    }
}
