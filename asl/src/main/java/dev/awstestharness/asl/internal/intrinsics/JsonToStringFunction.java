package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.JsonToString(value)}: the value as compact JSON text. */
final class JsonToStringFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.JsonToString";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        return Json.NODES.textNode(Json.write(arguments.get(0)));
    }
}
