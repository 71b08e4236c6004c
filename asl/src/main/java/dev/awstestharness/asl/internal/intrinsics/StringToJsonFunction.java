package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.awstestharness.asl.internal.json.Json;

/** {@code States.StringToJson(text)}: the JSON value the string holds; a blank string gives {@code null}, as on AWS. */
final class StringToJsonFunction implements IntrinsicFunction {
    private static final ObjectReader READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public String name() {
        return "States.StringToJson";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        String text = arguments.string(0);
        try {
            JsonNode value = READER.readTree(text);
            return value == null || value.isMissingNode() ? Json.NODES.nullNode() : value;
        } catch (JsonProcessingException e) {
            throw arguments.invalid("argument 1 is not JSON text: " + e.getOriginalMessage());
        }
    }
}
