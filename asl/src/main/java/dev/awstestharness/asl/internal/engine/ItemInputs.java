package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.MapState;

/** The input of one Map iteration: the item, reshaped by ItemSelector (which sees {@code $$.Map.Item}) when present. */
final class ItemInputs {
    private ItemInputs() {}

    static JsonNode of(MapState map, StateEntry entry, JsonNode mapInput, int index, JsonNode item) {
        if (map.itemSelector() != null) return map.itemSelector().evaluate(entry.mapItemScope(mapInput, index, item));
        if (map.jsonataItemSelector() != null) {
            return map.jsonataItemSelector().evaluate(entry.mapItemScope(mapInput, index, item), "ItemSelector");
        }
        return item;
    }
}
