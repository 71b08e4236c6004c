package dev.awstestharness.asl.internal.model;

import java.util.List;

/** {@code defaultNext} is {@code null} when there is no {@code Default}. */
public record ChoiceState(StateHeader header, List<Branch> choices, String defaultNext) implements State {
    public record Branch(ChoiceRule rule, String next) {}

    @Override
    public String type() {
        return "Choice";
    }
}
