package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.ArrayPartition(array, size)}: consecutive chunks of {@code size} elements, the last one shorter. */
final class ArrayPartitionFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayPartition";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        ArrayNode array = arguments.array(0);
        int size = arguments.truncatedInteger(1);
        if (size <= 0) throw arguments.invalidArgument(1, "a positive chunk size");
        ArrayNode chunks = Json.NODES.arrayNode((array.size() + size - 1) / size);
        for (int start = 0; start < array.size(); start += size) {
            int end = (int) Math.min((long) start + size, array.size());
            ArrayNode chunk = Json.NODES.arrayNode(end - start);
            for (int i = start; i < end; i++) {
                chunk.add(array.get(i));
            }
            chunks.add(chunk);
        }
        return chunks;
    }
}
