package dev.awstestharness.harness.internal.twins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.awstestharness.harness.Json;
import dev.awstestharness.harness.internal.twins.AbstractTwin.InvalidAnswerException;

/** Turns the value a twin's handler returned into JSON, naming the value when Jackson cannot write it. */
final class AnswerJson {
    private AnswerJson() {}

    static JsonNode toJson(Object value) throws InvalidAnswerException {
        if (value == null) return NullNode.getInstance();
        try {
            JsonNode json = Json.toJson(value);
            return json == null ? NullNode.getInstance() : json;
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswerException("returned a " + value.getClass().getName() + " that cannot be written as JSON: " + e.getMessage());
        }
    }
}
