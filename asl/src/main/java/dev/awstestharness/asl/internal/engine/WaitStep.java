package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.WaitState;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

final class WaitStep {
    private WaitStep() {}

    static CompletableFuture<Outcome> run(WaitState wait, StateEntry entry, JsonNode rawInput) {
        JsonNode input = entry.select(wait.header().inputPath(), rawInput);
        Duration duration = duration(wait, entry, input);
        return entry.run().sleep(duration, entry.frame.scope)
                .thenApply(ignored -> entry.exit(entry.select(wait.header().outputPath(), input), wait.header().next()));
    }

    private static Duration duration(WaitState wait, StateEntry entry, JsonNode input) {
        if (wait.seconds() != null) return Duration.ofSeconds(wait.seconds());
        if (wait.timestamp() != null) return until(wait.timestamp(), entry);
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
        try {
            if (!value.isTextual()) throw new DateTimeParseException("not a string", Json.write(value), 0);
            return until(OffsetDateTime.parse(value.textValue()), entry);
        } catch (DateTimeParseException e) {
            throw entry.runtimeError("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                    + wait.timestampPath().source() + " == " + Json.write(value));
        }
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
