package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.PassState;

final class PassStep {
    private PassStep() {}

    static Outcome run(PassState pass, StateEntry entry, JsonNode rawInput) {
        JsonNode effective = DataFlow.effectiveInput(entry, pass.header().io(), rawInput);
        JsonNode result = pass.result() != null ? pass.result() : effective;
        return DataFlow.complete(entry, pass.header().io(), rawInput, result, pass.header().next());
    }
}
