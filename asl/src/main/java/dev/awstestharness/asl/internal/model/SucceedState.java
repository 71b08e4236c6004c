package dev.awstestharness.asl.internal.model;

public record SucceedState(StateHeader header) implements State {
    @Override
    public String type() {
        return "Succeed";
    }
}
