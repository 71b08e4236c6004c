package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;

/** One {@code States.*} function. Implementations are stateless and shared by every call site. */
interface IntrinsicFunction {
    /** The name as written in a definition, e.g. {@code States.Format}. */
    String name();

    int minArguments();

    default int maxArguments() {
        return minArguments();
    }

    /** Computes the result; throws the {@link dev.awstestharness.asl.StatesError} of {@link Arguments#invalid}. */
    JsonNode apply(Arguments arguments);
}
