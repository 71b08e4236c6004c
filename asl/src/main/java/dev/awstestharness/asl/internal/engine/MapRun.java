package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import java.util.concurrent.CompletableFuture;

/**
 * The iterations of one Map attempt. Iterations are started by a pump that keeps at most {@code maxConcurrency}
 * running (0 = no limit); iterations that finish at once run one after the other on the pumping thread, so a Map
 * over synchronous states uses no extra threads. What an iteration is (a chain of states in this execution, or a child
 * execution) is up to the {@link Iteration} given.
 */
final class MapRun {
    /** Runs the iteration of one item and completes with its output. */
    @FunctionalInterface
    interface Iteration {
        CompletableFuture<JsonNode> run(int index, JsonNode item, CancellationScope scope);
    }

    /**
     * How many failed iterations the Map accepts: {@code null} limits fail the Map at the first failure with that
     * iteration's error; otherwise failures beyond a limit fail it with States.ExceedToleratedFailureThreshold.
     */
    record Tolerance(Double count, Double percentage) {
        static final Tolerance NONE = new Tolerance(null, null);

        boolean isSet() {
            return count != null || percentage != null;
        }
    }

    private final StateEntry entry;
    private final JsonNode items;
    private final int limit;
    private final Tolerance tolerance;
    private final Iteration iteration;
    private final CancellationScope scope;
    private final JsonNode[] outputs;
    private final CompletableFuture<ArrayNode> result = new CompletableFuture<>();

    private int nextIndex;
    private int running;
    private int finished;
    private int failures;
    private boolean pumping;
    private boolean pumpAgain;

    MapRun(StateEntry entry, JsonNode items, int maxConcurrency, Tolerance tolerance, Iteration iteration) {
        this.entry = entry;
        this.items = items;
        this.limit = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
        this.tolerance = tolerance;
        this.iteration = iteration;
        this.scope = entry.frame.scope.child();
        this.outputs = new JsonNode[items.size()];
        result.whenComplete((value, failure) -> entry.frame.scope.release(scope));
    }

    /** Completes with the outputs in item order; a tolerated failure's place holds its {@code {Error, Cause}}. */
    CompletableFuture<ArrayNode> start() {
        if (items.isEmpty()) {
            result.complete(Json.NODES.arrayNode());
        } else {
            pump();
        }
        return result;
    }

    private void pump() {
        synchronized (this) {
            if (pumping) {
                pumpAgain = true;
                return;
            }
            pumping = true;
        }
        while (true) {
            int index;
            synchronized (this) {
                if (result.isDone() || nextIndex >= items.size() || running >= limit) {
                    if (!pumpAgain) {
                        pumping = false;
                        return;
                    }
                    pumpAgain = false;
                    continue;
                }
                index = nextIndex++;
                running++;
            }
            CompletableFuture<JsonNode> current = start(index);
            if (current.isDone()) {
                record(index, current);
            } else {
                current.whenComplete((value, failure) -> {
                    record(index, current);
                    pump();
                });
            }
        }
    }

    private CompletableFuture<JsonNode> start(int index) {
        try {
            return iteration.run(index, items.get(index), scope);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(entry.asStatesError(e));
        }
    }

    private void record(int index, CompletableFuture<JsonNode> iterationResult) {
        Throwable failure = null;
        JsonNode output = null;
        try {
            output = iterationResult.join();
        } catch (RuntimeException e) {
            failure = GraphRunner.unwrap(e);
        }
        Throwable failsMap = null;
        boolean complete = false;
        synchronized (this) {
            running--;
            finished++;
            if (failure == null) {
                outputs[index] = output;
            } else if (failure instanceof StatesError error && tolerance.isSet()) {
                failures++;
                if (exceedsTolerance()) {
                    failsMap = new StatesError(StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded");
                } else {
                    outputs[index] = DataFlow.errorOutput(error);
                }
            } else {
                failsMap = failure;
            }
            complete = failsMap == null && finished == items.size();
        }
        if (failsMap != null) {
            if (result.completeExceptionally(failsMap)) scope.cancel(new Cancelled(Cancelled.Reason.SIBLING_FAILED));
        } else if (complete) {
            ArrayNode array = Json.NODES.arrayNode(outputs.length);
            for (JsonNode each : outputs) array.add(each);
            result.complete(array);
        }
    }

    private boolean exceedsTolerance() {
        boolean overCount = tolerance.count() != null && failures > tolerance.count();
        boolean overPercentage = tolerance.percentage() != null && failures * 100.0 / items.size() > tolerance.percentage();
        return overCount || overPercentage;
    }
}
