package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;

/**
 * {@code States.MathAdd(a, b)}: the sum of two 32-bit integers. As on AWS each argument is first rounded half up
 * (1.49 + 1.5 = 3, -1.5 + 0 = -1), and a sum outside the 32-bit range fails.
 */
final class MathAddFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.MathAdd";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        long sum = (long) arguments.roundedInteger(0) + arguments.roundedInteger(1);
        if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
            throw arguments.invalid("the sum " + sum + " is outside the range -2147483648 to 2147483647");
        }
        return Json.NODES.numberNode((int) sum);
    }
}
