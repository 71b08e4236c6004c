package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.PassState;

final class PassStep {
    private PassStep() {}

    static Outcome run(PassState pass, StateEntry entry, JsonNode rawInput) {
        JsonNode input = entry.select(pass.header().inputPath(), rawInput);
        JsonNode result;
        if (pass.result() != null) {
            result = pass.result();
        } else if (pass.parameters() != null) {
            result = pass.parameters().evaluate(entry.scope(input));
        } else {
            result = input;
        }
        JsonNode output = entry.select(pass.header().outputPath(), entry.applyResultPath(pass.resultPath(), rawInput, result));
        return entry.exit(output, pass.header().next());
    }
}
