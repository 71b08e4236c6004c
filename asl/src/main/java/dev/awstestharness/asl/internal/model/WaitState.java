package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import java.time.OffsetDateTime;

/** Exactly one way of giving the wait is set: a literal, a path (JSONPath) or an expression (JSONata). */
public record WaitState(
        StateHeader header,
        Long seconds,
        OffsetDateTime timestamp,
        JsonPathExpression secondsPath,
        JsonPathExpression timestampPath,
        JsonataTemplate secondsExpression,
        JsonataTemplate timestampExpression)
        implements State {
    @Override
    public String type() {
        return "Wait";
    }
}
