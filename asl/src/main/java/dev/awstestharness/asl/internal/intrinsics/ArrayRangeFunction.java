package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.ArrayRange(first, last, step)}: first, first + step, ... up to last inclusive; at most 1000 items. */
final class ArrayRangeFunction implements IntrinsicFunction {
    private static final int MAX_ITEMS = 1000;

    @Override
    public String name() {
        return "States.ArrayRange";
    }

    @Override
    public int minArguments() {
        return 3;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        int first = arguments.truncatedInteger(0);
        int last = arguments.truncatedInteger(1);
        int step = arguments.truncatedInteger(2);
        if (step == 0) throw arguments.invalidArgument(2, "a non-zero step");
        long span = (long) last - first;
        long count = Long.signum(span) == -Integer.signum(step) ? 0 : span / step + 1;
        if (count > MAX_ITEMS) {
            throw arguments.invalid("the range would have " + count + " items, more than the limit of " + MAX_ITEMS);
        }
        ArrayNode range = Json.NODES.arrayNode((int) count);
        for (int i = 0; i < count; i++) {
            range.add((int) (first + (long) i * step));
        }
        return range;
    }
}
