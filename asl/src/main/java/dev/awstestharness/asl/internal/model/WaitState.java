package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.path.JsonPathExpression;
import java.time.OffsetDateTime;

/** Exactly one of the four fields is set. */
public record WaitState(
        StateHeader header,
        Long seconds,
        OffsetDateTime timestamp,
        JsonPathExpression secondsPath,
        JsonPathExpression timestampPath)
        implements State {
    @Override
    public String type() {
        return "Wait";
    }
}
