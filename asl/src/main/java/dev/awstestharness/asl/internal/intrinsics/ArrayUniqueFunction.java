package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code States.ArrayUnique(array)}: the distinct elements, equal values (objects whatever their key order) kept once.
 * AWS returns them in the iteration order of a Java {@code HashSet} of the plain Java values ({@code [true, false,
 * true]} gives {@code [false, true]}), so the elements go through the same set here.
 */
final class ArrayUniqueFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.ArrayUnique";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        ArrayNode array = arguments.array(0);
        List<Object> values = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            values.add(Json.MAPPER.convertValue(element, Object.class));
        }
        return Json.MAPPER.valueToTree(new ArrayList<>(new HashSet<>(values)));
    }
}
