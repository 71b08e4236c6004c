package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.ParallelState;
import dev.awstestharness.asl.internal.model.StateGraph;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of a Parallel state: every branch gets the same effective input; the result is the array of branch
 * outputs in branch order. The first branch to fail fails the state with its error and the others are stopped.
 */
final class ParallelStep {
    private ParallelStep() {}

    static RetryLoop.Attempt attempt(ParallelState parallel, GraphRunner runner) {
        return (entry, rawInput) -> run(parallel, runner, entry, rawInput);
    }

    private static CompletableFuture<Outcome> run(ParallelState parallel, GraphRunner runner, StateEntry entry, JsonNode rawInput) {
        JsonNode effective = DataFlow.effectiveInput(entry, parallel.header().io(), rawInput);
        Frame frame = entry.frame;
        frame.record("ParallelStateStarted", null);
        CancellationScope branchesScope = frame.scope.child();
        List<StateGraph> branches = parallel.branches();
        JsonNode[] outputs = new JsonNode[branches.size()];
        AtomicInteger remaining = new AtomicInteger(branches.size());
        CompletableFuture<JsonNode> all = new CompletableFuture<>();
        for (int i = 0; i < branches.size(); i++) {
            int index = i;
            runner.run(branches.get(i), effective, frame.branch(branchesScope)).whenComplete((output, failure) -> {
                if (failure != null) {
                    if (all.completeExceptionally(GraphRunner.unwrap(failure))) {
                        branchesScope.cancel(new Cancelled(Cancelled.Reason.SIBLING_FAILED));
                    }
                    return;
                }
                outputs[index] = output;
                if (remaining.decrementAndGet() == 0) {
                    ArrayNode array = Json.NODES.arrayNode(outputs.length);
                    for (JsonNode each : outputs) array.add(each);
                    all.complete(array);
                }
            });
        }
        return all.handle((result, failure) -> {
            frame.scope.release(branchesScope);
            if (failure != null) {
                Throwable error = GraphRunner.unwrap(failure);
                if (error instanceof StatesError) {
                    frame.record("ParallelStateFailed", null);
                }
                throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
            }
            frame.record("ParallelStateSucceeded", null);
            return DataFlow.complete(entry, parallel.header().io(), rawInput, result, parallel.header().next());
        });
    }
}
