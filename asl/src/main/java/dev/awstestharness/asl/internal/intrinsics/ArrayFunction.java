package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.Array(values...)}: an array of the arguments in order. */
final class ArrayFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.Array";
    }

    @Override
    public int minArguments() {
        return 0;
    }

    @Override
    public int maxArguments() {
        return Integer.MAX_VALUE;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        ArrayNode array = Json.NODES.arrayNode(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            array.add(arguments.get(i));
        }
        return array;
    }
}
