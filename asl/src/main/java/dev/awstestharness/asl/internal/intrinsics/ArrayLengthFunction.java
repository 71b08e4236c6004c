package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.ArrayLength(array)}: the number of elements. */
final class ArrayLengthFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayLength";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        return Json.NODES.numberNode(arguments.array(0).size());
    }
}
