package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.MapState;
import java.util.concurrent.CompletableFuture;

/** An inline Map iteration: the item processor runs in this execution, in a frame of its own. */
final class InlineIteration implements MapRun.Iteration {
    private final MapState map;
    private final GraphRunner runner;
    private final StateEntry entry;
    private final JsonNode mapInput;

    InlineIteration(MapState map, GraphRunner runner, StateEntry entry, JsonNode mapInput) {
        this.map = map;
        this.runner = runner;
        this.entry = entry;
        this.mapInput = mapInput;
    }

    @Override
    public CompletableFuture<JsonNode> run(int index, JsonNode item, CancellationScope scope) {
        Frame frame = entry.frame.branch(scope);
        frame.record("MapIterationStarted", "mapIterationStartedEventDetails", "name", map.name(), "index", index);
        JsonNode input;
        try {
            input = ItemInputs.of(map, entry, mapInput, index, item);
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
}
