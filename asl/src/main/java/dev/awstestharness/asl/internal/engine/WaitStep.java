package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.jsonata.JsonataException;
import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.model.ChoiceRule;
import dev.awstestharness.asl.internal.model.WaitState;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;

final class WaitStep {
    private WaitStep() {}

    static CompletableFuture<Outcome> run(WaitState wait, StateEntry entry, JsonNode rawInput) {
        JsonNode input = DataFlow.filteredInput(entry, wait.header().io(), rawInput);
        Duration duration = duration(wait, entry, rawInput, input);
        return entry.run().sleep(duration, entry.frame.scope)
                .thenApply(ignored -> DataFlow.complete(entry, wait.header().io(), rawInput, input, wait.header().next()));
    }

    private static Duration duration(WaitState wait, StateEntry entry, JsonNode rawInput, JsonNode input) {
        if (wait.seconds() != null) return Duration.ofSeconds(wait.seconds());
        if (wait.timestamp() != null) return until(wait.timestamp(), entry);
        if (wait.secondsExpression() != null) {
            JsonNode value = evaluate(wait.secondsExpression(), "Seconds", entry, rawInput);
            if (!value.isIntegralNumber() || value.longValue() < 0) throw unexpected(wait.secondsExpression(), "Seconds", "non-negative integer", value);
            return Duration.ofSeconds(value.longValue());
        }
        if (wait.timestampExpression() != null) {
            JsonNode value = evaluate(wait.timestampExpression(), "Timestamp", entry, rawInput);
            OffsetDateTime timestamp = value.isTextual() ? parse(value.textValue()) : null;
            if (timestamp == null) throw unexpected(wait.timestampExpression(), "Timestamp", "timestamp", value);
            return until(timestamp, entry);
        }
        if (wait.secondsPath() != null) {
            JsonNode value = read(wait.secondsPath(), entry, input);
            String shown = wait.secondsPath().source() + " == " + Json.write(value);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw entry.runtimeError("The SecondsPath parameter cannot be parsed as a long value: " + shown);
            }
            if (value.longValue() < 0) throw entry.runtimeError("The SecondsPath parameter references a negative value: " + shown);
            return Duration.ofSeconds(value.longValue());
        }
        JsonNode value = read(wait.timestampPath(), entry, input);
        OffsetDateTime timestamp = value.isTextual() ? parse(value.textValue()) : null;
        if (timestamp == null) {
            throw entry.runtimeError("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                    + wait.timestampPath().source() + " == " + Json.write(value));
        }
        return until(timestamp, entry);
    }

    private static JsonNode evaluate(JsonataTemplate template, String field, StateEntry entry, JsonNode rawInput) {
        return template.evaluate(entry.jsonataScope(rawInput, null, null), field);
    }

    private static JsonataException unexpected(JsonataTemplate template, String field, String expected, JsonNode value) {
        return new JsonataException("The JSONata expression '" + template.expressionSource() + "' specified for the field '" + field
                + "' returned an unexpected result type. Expected '" + expected + "', but was '" + Json.typeName(value)
                + "' for value: " + Json.write(value));
    }

    private static OffsetDateTime parse(String text) {
        return ChoiceRule.parseTimestamp(text);
    }

    private static Duration until(OffsetDateTime timestamp, StateEntry entry) {
        Duration duration = Duration.between(entry.run().now(), timestamp.toInstant());
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static JsonNode read(JsonPathExpression path, StateEntry entry, JsonNode input) {
        try {
            return path.read(entry.scope(input));
        } catch (PathNotFoundException e) {
            throw entry.runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
        }
    }
}
