package dev.awstestharness.asl.internal.model;

import java.util.List;

public record ParallelState(StateHeader header, List<StateGraph> branches, ErrorHandling errorHandling) implements State {
    @Override
    public String type() {
        return "Parallel";
    }
}
