package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code States.Base64Encode(text)}: the Base64 (with padding, no line breaks) of the UTF-8 bytes of the string. */
final class Base64EncodeFunction implements IntrinsicFunction {
    static final int MAX_LENGTH = 10_000;

    @Override
    public String name() {
        return "States.Base64Encode";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        String text = arguments.string(0);
        if (text.length() > MAX_LENGTH) {
            throw arguments.invalidArgument(0, "a string of at most " + MAX_LENGTH + " characters");
        }
        return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
