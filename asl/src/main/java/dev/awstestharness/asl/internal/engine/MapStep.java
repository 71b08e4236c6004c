package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.IntegerField;
import dev.awstestharness.asl.internal.model.MapState;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of a Map state: selects the items, builds each iteration's input (ItemSelector sees {@code $$.Map.Item}),
 * runs the item processor for each item with at most MaxConcurrency at a time, and collects the outputs in item
 * order. Iteration failures beyond the tolerated count or percentage fail the state.
 */
final class MapStep {
    private MapStep() {}

    static RetryLoop.Attempt attempt(MapState map, GraphRunner runner) {
        return (entry, rawInput) -> run(map, runner, entry, rawInput);
    }

    private static CompletableFuture<Outcome> run(MapState map, GraphRunner runner, StateEntry entry, JsonNode rawInput) {
        JsonNode input = entry.select(map.header().inputPath(), rawInput);
        JsonNode items = entry.select(map.itemsPath(), input);
        if (!items.isArray()) throw entry.runtimeError("Map state input must be an array but was: " + Json.write(items));
        int maxConcurrency = (int) Math.min(Integer.MAX_VALUE,
                number(map.maxConcurrency(), "MaxConcurrencyPath", "a valid integer", entry, input, 0));
        Double toleratedCount = map.toleratedFailureCount().isSet()
                ? number(map.toleratedFailureCount(), "ToleratedFailureCountPath", "a valid integer", entry, input, 0) : null;
        Double toleratedPercentage = map.toleratedFailurePercentage().isSet()
                ? number(map.toleratedFailurePercentage(), "ToleratedFailurePercentagePath", "a valid percentage", entry, input, 0) : null;
        entry.frame.record("MapStateStarted", "mapStateStartedEventDetails", "length", items.size());
        MapRun mapRun = new MapRun(map, runner, entry, input, items, maxConcurrency, toleratedCount, toleratedPercentage);
        return mapRun.start().handle((results, failure) -> {
            if (failure != null) {
                Throwable error = GraphRunner.unwrap(failure);
                if (error instanceof StatesError) entry.frame.record("MapStateFailed", null);
                throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
            }
            entry.frame.record("MapStateSucceeded", null);
            return StepResults.finish(entry, map.result(), map.header(), rawInput, results);
        });
    }

    /** A numeric field's value, from the literal or its path; {@code fallback} when neither is set. */
    private static double number(IntegerField field, String pathField, String expected, StateEntry entry, JsonNode input, double fallback) {
        if (field.value() != null) return field.value();
        if (field.path() == null) return fallback;
        JsonNode value;
        try {
            value = field.path().read(entry.scope(input));
        } catch (PathNotFoundException e) {
            throw entry.runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
        }
        boolean valid = pathField.startsWith("ToleratedFailurePercentage")
                ? value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= 100
                : value.isIntegralNumber() && value.longValue() >= 0;
        if (!valid) {
            throw entry.runtimeError("The " + pathField + " field refers to value " + Json.write(value) + " which is not "
                    + expected + ": " + field.path().source());
        }
        return value.doubleValue();
    }
}
