package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.template.ValueExpression;

/** Each of the four fields may be absent ({@code null}); a path or intrinsic form replaces the literal one. */
public record FailState(StateHeader header, String error, String cause, ValueExpression errorPath, ValueExpression causePath)
        implements State {
    @Override
    public String type() {
        return "Fail";
    }
}
