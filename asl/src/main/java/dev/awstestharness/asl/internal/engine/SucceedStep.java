package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.SucceedState;

final class SucceedStep {
    private SucceedStep() {}

    static Outcome run(SucceedState succeed, StateEntry entry, JsonNode rawInput) {
        JsonNode input = entry.select(succeed.header().inputPath(), rawInput);
        return entry.exit(entry.select(succeed.header().outputPath(), input), null);
    }
}
