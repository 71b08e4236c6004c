package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.model.Catcher;
import dev.awstestharness.asl.internal.model.ErrorHandling;
import dev.awstestharness.asl.internal.model.Retrier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the attempts of a Task, Parallel or Map state under its {@code Retry} and {@code Catch}: each retrier counts
 * its own attempts, the delay grows by {@code BackoffRate} up to {@code MaxDelaySeconds} (randomised by
 * {@code JitterStrategy: FULL}), and an error no retrier takes is handed to the first matching catcher.
 */
final class RetryLoop {
    /** One attempt of the state; completes with the state's outcome or fails with its error. */
    @FunctionalInterface
    interface Attempt {
        CompletableFuture<Outcome> run(StateEntry entry, JsonNode rawInput);
    }

    private final StateEntry entry;
    private final JsonNode rawInput;
    private final ErrorHandling errorHandling;
    private final Attempt attempt;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final int[] attemptsByRetrier;
    private int retryCount;

    private RetryLoop(StateEntry entry, JsonNode rawInput, ErrorHandling errorHandling, Attempt attempt) {
        this.entry = entry;
        this.rawInput = rawInput;
        this.errorHandling = errorHandling;
        this.attempt = attempt;
        this.attemptsByRetrier = new int[errorHandling.retriers().size()];
    }

    static CompletableFuture<Outcome> run(StateEntry entry, JsonNode rawInput, ErrorHandling errorHandling, Attempt attempt) {
        RetryLoop loop = new RetryLoop(entry, rawInput, errorHandling, attempt);
        loop.loop();
        return loop.result;
    }

    private void loop() {
        while (true) {
            CompletableFuture<Outcome> current = attemptOnce();
            if (!current.isDone()) {
                current.whenComplete((outcome, failure) -> {
                    CompletableFuture<Void> delay = decide(outcome, failure);
                    if (delay != null) delay.whenComplete((ignored, error) -> afterDelay(error));
                });
                return;
            }
            Throwable failure = failureOf(current);
            CompletableFuture<Void> delay = decide(failure == null ? current.join() : null, failure);
            if (delay == null) return;
            if (!delay.isDone()) {
                delay.whenComplete((ignored, error) -> afterDelay(error));
                return;
            }
            if (delay.isCompletedExceptionally()) {
                result.completeExceptionally(failureOf(delay));
                return;
            }
        }
    }

    private void afterDelay(Throwable error) {
        if (error != null) {
            result.completeExceptionally(GraphRunner.unwrap(error));
        } else {
            entry.run().services().executor().execute(this::loop);
        }
    }

    private CompletableFuture<Outcome> attemptOnce() {
        try {
            return attempt.run(entry, rawInput);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(entry.asStatesError(e));
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (RuntimeException e) {
            return GraphRunner.unwrap(e);
        }
    }

    /** Completes the result, or returns the delay before the next attempt. */
    private CompletableFuture<Void> decide(Outcome outcome, Throwable failure) {
        if (failure == null) {
            result.complete(outcome);
            return null;
        }
        Throwable error = entry.asStatesError(GraphRunner.unwrap(failure));
        if (!(error instanceof StatesError statesError)) {
            result.completeExceptionally(error);
            return null;
        }
        Retrier retrier = errorHandling.retrierFor(statesError.error());
        if (retrier != null) {
            int index = errorHandling.indexOf(retrier);
            if (attemptsByRetrier[index] < retrier.maxAttempts()) {
                Duration delay = delay(retrier, attemptsByRetrier[index]);
                attemptsByRetrier[index]++;
                entry.retryCount(++retryCount);
                return entry.run().sleep(delay, entry.frame.scope);
            }
        }
        Catcher catcher = errorHandling.catcherFor(statesError.error());
        if (catcher == null) {
            result.completeExceptionally(statesError);
            return null;
        }
        try {
            result.complete(DataFlow.caught(entry, catcher, errorHandling.catchers().indexOf(catcher), rawInput, statesError));
        } catch (RuntimeException e) {
            result.completeExceptionally(entry.asStatesError(e));
        }
        return null;
    }

    static Duration delay(Retrier retrier, int attemptsSoFar) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attemptsSoFar);
        if (retrier.maxDelaySeconds() != null) seconds = Math.min(seconds, retrier.maxDelaySeconds());
        if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }
}
