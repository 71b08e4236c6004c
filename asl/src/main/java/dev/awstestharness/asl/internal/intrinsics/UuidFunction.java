package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import java.util.UUID;

/** {@code States.UUID()}: a random version 4 UUID. */
final class UuidFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.UUID";
    }

    @Override
    public int minArguments() {
        return 0;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        return Json.NODES.textNode(UUID.randomUUID().toString());
    }
}
