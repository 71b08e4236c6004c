package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.internal.json.Json;

/**
 * {@code States.JsonMerge(left, right, false)}: the fields of both objects, the right one winning on a shared key;
 * nested objects are replaced, not merged. AWS supports only this shallow mode, so a deep flag of {@code true} fails.
 */
final class JsonMergeFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.JsonMerge";
    }

    @Override
    public int minArguments() {
        return 3;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        ObjectNode left = arguments.object(0);
        ObjectNode right = arguments.object(1);
        if (arguments.get(2).booleanValue()) {
            throw arguments.invalid("argument 3 is true, but only the shallow merge (false) is supported");
        }
        ObjectNode merged = Json.object();
        merged.setAll(left);
        merged.setAll(right);
        return merged;
    }
}
