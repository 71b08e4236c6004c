package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.internal.json.Json;

/**
 * {@code States.StringSplit(text, delimiters)}: the parts of the text between occurrences of any character of the
 * delimiter string, empty parts dropped (AWS splits "a.b+c" on ".+" into a, b, c, and ",a,,b," on "," into a, b).
 */
final class StringSplitFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.StringSplit";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        String text = arguments.string(0);
        String delimiters = arguments.string(1);
        ArrayNode parts = Json.NODES.arrayNode();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || delimiters.indexOf(text.charAt(i)) >= 0) {
                if (i > start) parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }
}
