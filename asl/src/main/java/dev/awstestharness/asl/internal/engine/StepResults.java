package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.ResultHandling;
import dev.awstestharness.asl.internal.model.StateHeader;
import dev.awstestharness.asl.internal.path.EvaluationException;

/** The output processing shared by Task, Parallel and Map: ResultSelector, ResultPath, OutputPath, then the exit. */
final class StepResults {
    private StepResults() {}

    static Outcome finish(StateEntry entry, ResultHandling handling, StateHeader header, JsonNode rawInput, JsonNode result) {
        try {
            JsonNode selected = handling.resultSelector() == null ? result : handling.resultSelector().evaluate(entry.scope(result));
            JsonNode output = entry.select(header.outputPath(), entry.applyResultPath(handling.resultPath(), rawInput, selected));
            return entry.exit(output, header.next());
        } catch (EvaluationException e) {
            throw entry.runtimeError(e.getMessage());
        }
    }
}
