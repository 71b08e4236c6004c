package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.SucceedState;

final class SucceedStep {
    private SucceedStep() {}

    static Outcome run(SucceedState succeed, StateEntry entry, JsonNode rawInput) {
        JsonNode input = DataFlow.filteredInput(entry, succeed.header().io(), rawInput);
        return DataFlow.complete(entry, succeed.header().io(), rawInput, input, null);
    }
}
