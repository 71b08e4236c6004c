package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;

/**
 * {@code States.ArrayContains(array, value)}: whether an element equals the value. Like AWS, elements are compared by
 * their {@link JavaStyleText}: equal structures match, and so do {@code true} and {@code "true"}, while objects with
 * their keys in another order do not.
 */
final class ArrayContainsFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayContains";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        ArrayNode array = arguments.array(0);
        String wanted = JavaStyleText.of(arguments.get(1));
        for (JsonNode element : array) {
            if (JavaStyleText.of(element).equals(wanted)) return Json.NODES.booleanNode(true);
        }
        return Json.NODES.booleanNode(false);
    }
}
