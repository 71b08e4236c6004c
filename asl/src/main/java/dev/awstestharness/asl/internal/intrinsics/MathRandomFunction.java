package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code States.MathRandom(start, end[, seed])}: a random integer from start (inclusive) to end (exclusive); the same
 * seed always gives the same number. Not for security.
 */
final class MathRandomFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.MathRandom";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public int maxArguments() {
        return 3;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        int start = arguments.truncatedInteger(0);
        int end = arguments.truncatedInteger(1);
        if (start >= end) {
            throw arguments.invalid("the start " + start + " must be less than the end " + end);
        }
        Random random = arguments.size() == 3 ? new Random((long) arguments.number(2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(random.nextInt(start, end));
    }
}
