package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.ArrayGetItem(array, index)}: the element at the 0-based index. */
final class ArrayGetItemFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayGetItem";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        ArrayNode array = arguments.array(0);
        int index = arguments.truncatedInteger(1);
        // AWS answers null for any index of an empty array, but fails for an index outside a non-empty one.
        if (array.isEmpty()) return Json.NODES.nullNode();
        if (index < 0 || index >= array.size()) {
            throw arguments.invalidArgument(1, "an index from 0 to " + (array.size() - 1));
        }
        return array.get(index);
    }
}
