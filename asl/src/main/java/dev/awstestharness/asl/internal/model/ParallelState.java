package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.template.PayloadTemplate;
import java.util.List;

public record ParallelState(
        StateHeader header,
        PayloadTemplate parameters,
        List<StateGraph> branches,
        ResultHandling result,
        ErrorHandling errorHandling)
        implements State {
    @Override
    public String type() {
        return "Parallel";
    }
}
