package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.DistributedMap;
import dev.awstestharness.asl.internal.model.MapState;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of a distributed Map: a Map Run that reads its items (inline or through an ItemReader), reshapes them
 * (ItemSelector), groups them (ItemBatcher), runs each as a child execution, and returns the outputs or, with a
 * ResultWriter, where it wrote them. The parent's history records {@code MapRunStarted} and
 * {@code MapRunSucceeded}/{@code MapRunFailed}; each child has its own history. A failed child fails the Map Run
 * unless tolerated (ToleratedFailureCount/Percentage; by default none is).
 */
final class DistributedMapRun {
    private final MapState map;
    private final DistributedMap distributed;
    private final StateEntry entry;
    private final JsonNode rawInput;
    private final JsonNode mapInput;
    private final boolean jsonata;

    DistributedMapRun(MapState map, StateEntry entry, JsonNode rawInput, JsonNode mapInput, boolean jsonata) {
        this.map = map;
        this.distributed = map.distributed();
        this.entry = entry;
        this.rawInput = rawInput;
        this.mapInput = mapInput;
        this.jsonata = jsonata;
    }

    /** Runs the Map Run; {@code inlineItems} are the items when there is no ItemReader. */
    CompletableFuture<JsonNode> run(JsonNode inlineItems, int maxConcurrency, MapRun.Tolerance tolerance) {
        CompletableFuture<ArrayNode> items = distributed.itemReader() == null
                ? CompletableFuture.completedFuture((ArrayNode) inlineItems)
                : ItemReading.read(entry, distributed.itemReader(), arguments(distributed.itemReader().arguments(), "ItemReader"),
                        (long) MapStep.number(distributed.itemReader().maxItems(), "MaxItems", "a valid integer", entry, rawInput, mapInput, 0));
        MapRunIdentity identity = MapRunIdentity.of(entry.run().request(), entry.name(), distributed);
        ChildExecutionIteration children = new ChildExecutionIteration(entry.run().services(), map.processor(), identity,
                entry.run().request().roleArn());
        MapRun.Tolerance childTolerance = tolerance.isSet() ? tolerance : new MapRun.Tolerance(0.0, null);
        CompletableFuture<JsonNode> outcome = items.thenCompose(all -> {
            ArrayNode inputs = batch(selected(all));
            entry.frame.record("MapRunStarted", "mapRunStartedEventDetails", "mapRunArn", identity.mapRunArn());
            return new MapRun(entry, inputs, maxConcurrency, childTolerance, children).start();
        }).thenCompose(outputs -> distributed.resultWriter() == null
                ? CompletableFuture.completedFuture((JsonNode) outputs)
                : ResultWriting.write(entry, distributed.resultWriter(), arguments(distributed.resultWriter().arguments(), "ResultWriter"),
                        identity, children.children()));
        return outcome.whenComplete((value, failure) -> {
            if (failure == null) {
                entry.frame.record("MapRunSucceeded", null);
            } else if (GraphRunner.unwrap(failure) instanceof StatesError error) {
                entry.frame.record("MapRunFailed", "mapRunFailedEventDetails", "error", error.error(), "cause", error.cause());
            }
        });
    }

    private ArrayNode selected(ArrayNode items) {
        if (map.itemSelector() == null && map.jsonataItemSelector() == null) return items;
        ArrayNode inputs = Json.NODES.arrayNode(items.size());
        for (int i = 0; i < items.size(); i++) inputs.add(ItemInputs.of(map, entry, mapInput, i, items.get(i)));
        return inputs;
    }

    /** Groups the inputs into {@code {"Items": [...], "BatchInput": ...}} objects when there is an ItemBatcher. */
    private ArrayNode batch(ArrayNode inputs) {
        DistributedMap.ItemBatcher batcher = distributed.itemBatcher();
        if (batcher == null) return inputs;
        long maxItems = (long) MapStep.number(batcher.maxItemsPerBatch(), "MaxItemsPerBatch", "a valid integer", entry, rawInput, mapInput, 0);
        long maxBytes = (long) MapStep.number(batcher.maxInputBytesPerBatch(), "MaxInputBytesPerBatch", "a valid integer", entry, rawInput,
                mapInput, 256 * 1024);
        JsonNode batchInput = batcher.batchInput() == DistributedMap.Arguments.NONE ? null : arguments(batcher.batchInput(), "ItemBatcher/BatchInput");
        ArrayNode batches = Json.NODES.arrayNode();
        ObjectNode current = null;
        for (JsonNode input : inputs) {
            boolean full = current != null && ((maxItems > 0 && current.get("Items").size() >= maxItems)
                    || JsonSize.exceeds(withItem(current, input), maxBytes));
            if (current == null || full) {
                current = Json.object();
                current.putArray("Items");
                if (batchInput != null) current.set("BatchInput", batchInput);
                batches.add(current);
            }
            ((ArrayNode) current.get("Items")).add(input);
        }
        return batches;
    }

    private static ObjectNode withItem(ObjectNode batch, JsonNode input) {
        ObjectNode copy = batch.deepCopy();
        ((ArrayNode) copy.get("Items")).add(input);
        return copy;
    }

    private JsonNode arguments(DistributedMap.Arguments arguments, String field) {
        if (arguments.jsonPath() != null) return arguments.jsonPath().evaluate(entry.scope(mapInput));
        if (arguments.jsonata() != null) return arguments.jsonata().evaluate(entry.jsonataScope(rawInput, null, null), field);
        return Json.object();
    }
}
