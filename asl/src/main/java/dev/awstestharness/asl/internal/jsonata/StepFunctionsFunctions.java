package dev.awstestharness.asl.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.awstestharness.asl.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash}, {@code $random},
 * {@code $uuid}, {@code $parse}) and the one it removes ({@code $eval}).
 */
final class StepFunctionsFunctions {
    private static final Map<String, String> HASH_ALGORITHMS =
            Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private StepFunctionsFunctions() {}

    static void registerOn(Jsonata expression) {
        expression.registerFunction("partition", function("partition", StepFunctionsFunctions::partition));
        expression.registerFunction("range", function("range", StepFunctionsFunctions::range));
        expression.registerFunction("hash", function("hash", StepFunctionsFunctions::hash));
        expression.registerFunction("random", function("random", StepFunctionsFunctions::random));
        expression.registerFunction("uuid", function("uuid", args -> UUID.randomUUID().toString()));
        expression.registerFunction("parse", function("parse", StepFunctionsFunctions::parse));
        expression.registerFunction("eval", function("eval", args -> {
            throw new JException("The function $eval is not supported by Step Functions; use $parse to read JSON text", -1);
        }));
    }

    @FunctionalInterface
    private interface Body {
        Object apply(List<?> args);
    }

    private static Jsonata.JFunction function(String name, Body body) {
        return new Jsonata.JFunction((input, args) -> body.apply(args == null ? List.of() : args), null);
    }

    private static Object partition(List<?> args) {
        List<?> array = array(args, 0, "partition");
        int size = integer(args, 1, "partition");
        if (size < 1) throw argument("partition", 2, "must be a positive integer");
        List<Object> chunks = new ArrayList<>();
        for (int start = 0; start < array.size(); start += size) {
            chunks.add(new ArrayList<>(array.subList(start, Math.min(array.size(), start + size))));
        }
        return chunks;
    }

    private static Object range(List<?> args) {
        long start = integer(args, 0, "range");
        long end = integer(args, 1, "range");
        long step = integer(args, 2, "range");
        if (step == 0) throw argument("range", 3, "must not be 0");
        // A sequence, not an array: JSONata unwraps a sequence of one value, as AWS's $range does.
        List<Object> values = Utils.createSequence();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (values.size() >= 1000) throw argument("range", 2, "gives more than 1000 values");
            values.add(value);
        }
        return values;
    }

    private static Object hash(List<?> args) {
        if (args.size() < 2 || !(args.get(0) instanceof String data) || !(args.get(1) instanceof String algorithm)) {
            throw new JException("$hash takes the data to hash and an algorithm name, both strings", -1);
        }
        String javaName = HASH_ALGORITHMS.get(algorithm);
        if (javaName == null) throw argument("hash", 2, "must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512 but was '" + algorithm + "'");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object random(List<?> args) {
        if (args.isEmpty() || args.get(0) == null) return ThreadLocalRandom.current().nextDouble();
        return new Random(integer(args, 0, "random")).nextDouble();
    }

    private static Object parse(List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String text)) throw argument("parse", 1, "must be a string of JSON text");
        try {
            return JsonataValues.toJsonata(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new JException("$parse could not read its argument as JSON: " + e.getOriginalMessage(), -1);
        }
    }

    private static List<?> array(List<?> args, int index, String function) {
        Object value = index < args.size() ? args.get(index) : null;
        if (value instanceof List<?> list) return list;
        if (value != null && value != Jsonata.NULL_VALUE && !(value instanceof Map)) return List.of(value);
        throw argument(function, index + 1, "must be an array");
    }

    private static int integer(List<?> args, int index, String function) {
        Object value = index < args.size() ? args.get(index) : null;
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw argument(function, index + 1, "must be an integer");
        }
        return number.intValue();
    }

    private static JException argument(String function, int position, String problem) {
        return new JException("Argument " + position + " of function $" + function + " " + problem, -1);
    }
}
