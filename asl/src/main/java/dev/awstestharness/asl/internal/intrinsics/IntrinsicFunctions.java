package dev.awstestharness.asl.internal.intrinsics;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The registry of intrinsic functions by name. */
final class IntrinsicFunctions {
    private static final Map<String, IntrinsicFunction> BY_NAME = Stream.of(
                    new FormatFunction(),
                    new StringToJsonFunction(),
                    new JsonToStringFunction(),
                    new ArrayFunction(),
                    new ArrayPartitionFunction(),
                    new ArrayContainsFunction(),
                    new ArrayRangeFunction(),
                    new ArrayGetItemFunction(),
                    new ArrayLengthFunction(),
                    new ArrayUniqueFunction(),
                    new Base64EncodeFunction(),
                    new Base64DecodeFunction(),
                    new HashFunction(),
                    new JsonMergeFunction(),
                    new MathRandomFunction(),
                    new MathAddFunction(),
                    new StringSplitFunction(),
                    new UuidFunction())
            .collect(Collectors.toUnmodifiableMap(IntrinsicFunction::name, Function.identity()));

    private IntrinsicFunctions() {}

    /** The function called {@code name}, or null when there is none. */
    static IntrinsicFunction find(String name) {
        return BY_NAME.get(name);
    }
}
