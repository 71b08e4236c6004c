package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.MapState;
import java.util.concurrent.CompletableFuture;

/**
 * The iterations of one Map attempt. Iterations are started by a pump that keeps at most {@code maxConcurrency}
 * running (0 = no limit); iterations that finish at once run one after the other on the pumping thread, so a Map
 * over synchronous states uses no extra threads.
 */
final class MapRun {
    private final MapState map;
    private final GraphRunner runner;
    private final StateEntry entry;
    private final JsonNode mapInput;
    private final JsonNode items;
    private final int limit;
    private final Double toleratedCount;
    private final Double toleratedPercentage;
    private final CancellationScope scope;
    private final JsonNode[] outputs;
    private final CompletableFuture<JsonNode> result = new CompletableFuture<>();

    private int nextIndex;
    private int running;
    private int finished;
    private int failures;
    private boolean pumping;
    private boolean pumpAgain;

    MapRun(MapState map, GraphRunner runner, StateEntry entry, JsonNode mapInput, JsonNode items, int maxConcurrency,
            Double toleratedCount, Double toleratedPercentage) {
        this.map = map;
        this.runner = runner;
        this.entry = entry;
        this.mapInput = mapInput;
        this.items = items;
        this.limit = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
        this.toleratedCount = toleratedCount;
        this.toleratedPercentage = toleratedPercentage;
        this.scope = entry.frame.scope.child();
        this.outputs = new JsonNode[items.size()];
        result.whenComplete((value, failure) -> entry.frame.scope.release(scope));
    }

    CompletableFuture<JsonNode> start() {
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
            CompletableFuture<JsonNode> iteration = iterate(index);
            if (iteration.isDone()) {
                record(index, iteration);
            } else {
                iteration.whenComplete((value, failure) -> {
                    record(index, iteration);
                    pump();
                });
            }
        }
    }

    private CompletableFuture<JsonNode> iterate(int index) {
        Frame frame = entry.frame.branch(scope);
        frame.record("MapIterationStarted", "mapIterationStartedEventDetails", "name", map.name(), "index", index);
        JsonNode item = items.get(index);
        JsonNode input;
        try {
            input = itemInput(index, item);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(entry.asStatesError(e));
        }
        return runner.run(map.processor(), input, frame).whenComplete((output, failure) -> {
            if (failure == null) {
                frame.record("MapIterationSucceeded", "mapIterationSucceededEventDetails", "name", map.name(), "index", index);
            } else if (GraphRunner.unwrap(failure) instanceof Cancelled) {
                frame.record("MapIterationAborted", "mapIterationAbortedEventDetails", "name", map.name(), "index", index);
            } else {
                frame.record("MapIterationFailed", "mapIterationFailedEventDetails", "name", map.name(), "index", index);
            }
        });
    }

    private JsonNode itemInput(int index, JsonNode item) {
        if (map.itemSelector() != null) return map.itemSelector().evaluate(entry.mapItemScope(mapInput, index, item));
        if (map.jsonataItemSelector() != null) return map.jsonataItemSelector().evaluate(entry.mapItemScope(mapInput, index, item), "ItemSelector");
        return item;
    }

    private void record(int index, CompletableFuture<JsonNode> iteration) {
        Throwable failure = null;
        JsonNode output = null;
        try {
            output = iteration.join();
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
            } else if (failure instanceof StatesError error && isTolerated()) {
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

    private boolean isTolerated() {
        return toleratedCount != null || toleratedPercentage != null;
    }

    private boolean exceedsTolerance() {
        boolean overCount = toleratedCount != null && failures > toleratedCount;
        boolean overPercentage = toleratedPercentage != null && failures * 100.0 / items.size() > toleratedPercentage;
        return overCount || overPercentage;
    }
}
