package dev.awstestharness.asl.internal.model;

import java.util.List;

/**
 * {@code defaultNext} is {@code null} when there is no {@code Default}. A matched rule's {@code io} carries its own
 * Assign (and, in JSONata, Output); the state's io applies when the Default is taken.
 */
public record ChoiceState(StateHeader header, List<Branch> choices, String defaultNext) implements State {
    public record Branch(ChoiceRule rule, String next, StateIo io) {}

    @Override
    public String type() {
        return "Choice";
    }
}
