package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code States.Base64Decode(base64)}: the string whose UTF-8 bytes the Base64 text holds. Decoding is as lenient as
 * AWS's: characters outside the Base64 alphabet (spaces, line breaks) are skipped, the first {@code =} ends the data
 * and padding is optional.
 */
final class Base64DecodeFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.Base64Decode";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        String text = arguments.string(0);
        if (text.length() > Base64EncodeFunction.MAX_LENGTH) {
            throw arguments.invalidArgument(0, "a string of at most " + Base64EncodeFunction.MAX_LENGTH + " characters");
        }
        byte[] alphabetOnly = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') break;
            if (isBase64(c)) alphabetOnly[length++] = (byte) c;
        }
        // A lone character in the last group carries less than one byte.
        if (length % 4 == 1) length--;
        byte[] decoded = Base64.getDecoder().decode(Arrays.copyOf(alphabetOnly, length));
        return Json.NODES.textNode(new String(decoded, StandardCharsets.UTF_8));
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
