package dev.awstestharness.asl.internal.model;

/** Error and cause, each absent ({@code null}), literal, from a path or intrinsic, or from a JSONata expression. */
public record FailState(StateHeader header, ErrorSource error, ErrorSource cause) implements State {
    @Override
    public String type() {
        return "Fail";
    }
}
