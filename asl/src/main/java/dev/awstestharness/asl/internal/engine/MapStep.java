package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.jsonata.JsonataException;
import dev.awstestharness.asl.internal.model.IntegerField;
import dev.awstestharness.asl.internal.model.JsonataIo;
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
        boolean jsonata = map.header().io() instanceof JsonataIo;
        JsonNode input = DataFlow.filteredInput(entry, map.header().io(), rawInput);
        boolean reads = map.distributed() != null && map.distributed().itemReader() != null;
        JsonNode items = reads ? null : items(map, entry, rawInput, input, jsonata);
        int maxConcurrency = (int) Math.min(Integer.MAX_VALUE,
                number(map.maxConcurrency(), "MaxConcurrency", "a valid integer", entry, rawInput, input, 0));
        Double toleratedCount = map.toleratedFailureCount().isSet()
                ? number(map.toleratedFailureCount(), "ToleratedFailureCount", "a valid integer", entry, rawInput, input, 0) : null;
        Double toleratedPercentage = map.toleratedFailurePercentage().isSet()
                ? number(map.toleratedFailurePercentage(), "ToleratedFailurePercentage", "a valid percentage", entry, rawInput, input, 0)
                : null;
        MapRun.Tolerance tolerance = new MapRun.Tolerance(toleratedCount, toleratedPercentage);
        JsonNode mapInput = jsonata ? rawInput : input;
        CompletableFuture<? extends JsonNode> run;
        if (map.distributed() != null) {
            run = new DistributedMapRun(map, entry, rawInput, mapInput, jsonata).run(items, maxConcurrency, tolerance);
        } else {
            entry.frame.record("MapStateStarted", "mapStateStartedEventDetails", "length", items.size());
            run = new MapRun(entry, items, maxConcurrency, tolerance, new InlineIteration(map, runner, entry, mapInput)).start();
        }
        // A distributed Map's parent history holds only its MapRun events; the iterations are child executions.
        boolean inline = map.distributed() == null;
        return run.handle((results, failure) -> {
            if (failure != null) {
                Throwable error = GraphRunner.unwrap(failure);
                if (error instanceof StatesError && inline) entry.frame.record("MapStateFailed", null);
                throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
            }
            if (inline) entry.frame.record("MapStateSucceeded", null);
            return DataFlow.complete(entry, map.header().io(), rawInput, results, map.header().next());
        });
    }

    private static JsonNode items(MapState map, StateEntry entry, JsonNode rawInput, JsonNode input, boolean jsonata) {
        if (map.items() != null) {
            JsonNode items = map.items().evaluate(entry.jsonataScope(rawInput, null, null), "Items");
            if (!items.isArray()) {
                String expression = map.items().expressionSource();
                throw new JsonataException((expression == null ? "The value" : "The JSONata expression '" + expression + "'")
                        + " specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
                        + Json.typeName(items) + "' for value: " + Json.write(items));
            }
            return items;
        }
        JsonNode items = entry.select(map.itemsPath(), input);
        if (!items.isArray()) {
            String message = "Map state input must be an array but was: " + Json.write(items);
            throw jsonata ? entry.queryError(message) : entry.runtimeError(message);
        }
        return items;
    }

    /** A numeric field's value, from the literal, its path or its expression; {@code fallback} when none is set. */
    static double number(IntegerField field, String name, String expected, StateEntry entry, JsonNode rawInput,
            JsonNode input, double fallback) {
        if (field.value() != null) return field.value();
        boolean percentage = name.startsWith("ToleratedFailurePercentage");
        if (field.expression() != null) {
            JsonNode value = field.expression().evaluate(entry.jsonataScope(rawInput, null, null), name);
            if (isValid(value, percentage)) return value.doubleValue();
            throw new JsonataException("The JSONata expression '" + field.expression().expressionSource() + "' specified for the field '"
                    + name + "' returned an unexpected result type. Expected '" + (percentage ? "number" : "integer") + "', but was '"
                    + Json.typeName(value) + "' for value: " + Json.write(value));
        }
        if (field.path() == null) return fallback;
        JsonNode value;
        try {
            value = field.path().read(entry.scope(input));
        } catch (PathNotFoundException e) {
            throw entry.runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
        }
        if (!isValid(value, percentage)) {
            throw entry.runtimeError("The " + name + "Path field refers to value " + Json.write(value) + " which is not "
                    + expected + ": " + field.path().source());
        }
        return value.doubleValue();
    }

    private static boolean isValid(JsonNode value, boolean percentage) {
        return percentage
                ? value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= 100
                : value.isIntegralNumber() && value.longValue() >= 0;
    }
}
