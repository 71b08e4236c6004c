package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.ChoiceState;
import dev.awstestharness.asl.internal.model.FailState;
import dev.awstestharness.asl.internal.model.MapState;
import dev.awstestharness.asl.internal.model.ParallelState;
import dev.awstestharness.asl.internal.model.PassState;
import dev.awstestharness.asl.internal.model.State;
import dev.awstestharness.asl.internal.model.StateGraph;
import dev.awstestharness.asl.internal.model.SucceedState;
import dev.awstestharness.asl.internal.model.TaskState;
import dev.awstestharness.asl.internal.model.WaitState;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a chain of states from {@code StartAt} to the end of a graph. States that finish at once are run in a loop on
 * the calling thread; a state that waits (a Wait state, a task, branches that wait) suspends the chain, which resumes
 * on the engine's executor when the wait is over. No thread is held while waiting.
 */
final class GraphRunner {
    private final EngineServices services;

    GraphRunner(EngineServices services) {
        this.services = services;
    }

    CompletableFuture<JsonNode> run(StateGraph graph, JsonNode input, Frame frame) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        advance(graph, graph.startAt(), input, frame, result);
        return result;
    }

    private void advance(StateGraph graph, String stateName, JsonNode input, Frame frame, CompletableFuture<JsonNode> result) {
        String name = stateName;
        JsonNode data = input;
        while (true) {
            Cancelled cancelled = frame.scope.cancellation();
            if (cancelled != null) {
                result.completeExceptionally(cancelled);
                return;
            }
            CompletableFuture<Outcome> step = enter(graph.state(name), data, frame);
            if (!step.isDone()) {
                step.whenCompleteAsync((outcome, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(unwrap(failure));
                    } else if (outcome.next() == null) {
                        result.complete(outcome.output());
                    } else {
                        advance(graph, outcome.next(), outcome.output(), frame, result);
                    }
                }, services.executor());
                return;
            }
            Outcome outcome;
            try {
                outcome = step.join();
            } catch (CompletionException e) {
                result.completeExceptionally(unwrap(e));
                return;
            }
            if (outcome.next() == null) {
                result.complete(outcome.output());
                return;
            }
            name = outcome.next();
            data = outcome.output();
        }
    }

    private CompletableFuture<Outcome> enter(State state, JsonNode input, Frame frame) {
        frame.run.currentState(state.name());
        Instant now = frame.run.now();
        long entered = frame.recordAt(now, state.type() + "StateEntered", "stateEnteredEventDetails", "name", state.name(), "input", input);
        StateEntry entry = new StateEntry(state, frame, entered, now);
        CompletableFuture<Outcome> step = run(state, input, entry);
        // Expressions evaluated after a wait (Wait, task results) fail asynchronously; name their state the same way.
        return step.isDone() ? step : step.handle((outcome, failure) -> {
            if (failure == null) return outcome;
            Throwable error = entry.asStatesError(unwrap(failure));
            throw error instanceof RuntimeException runtime ? runtime : new java.util.concurrent.CompletionException(error);
        });
    }

    private CompletableFuture<Outcome> run(State state, JsonNode input, StateEntry entry) {
        try {
            if (state instanceof PassState pass) return CompletableFuture.completedFuture(PassStep.run(pass, entry, input));
            if (state instanceof ChoiceState choice) return CompletableFuture.completedFuture(ChoiceStep.run(choice, entry, input));
            if (state instanceof SucceedState succeed) return CompletableFuture.completedFuture(SucceedStep.run(succeed, entry, input));
            if (state instanceof FailState fail) throw FailStep.error(fail, entry, input);
            if (state instanceof WaitState wait) return WaitStep.run(wait, entry, input);
            if (state instanceof TaskState task) return RetryLoop.run(entry, input, task.errorHandling(), TaskStep.attempt(task, services));
            if (state instanceof ParallelState parallel) {
                return RetryLoop.run(entry, input, parallel.errorHandling(), ParallelStep.attempt(parallel, this));
            }
            if (state instanceof MapState map) return RetryLoop.run(entry, input, map.errorHandling(), MapStep.attempt(map, this));
            throw new IllegalStateException("no step for state type " + state.type());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(entry.asStatesError(e));
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) current = current.getCause();
        return current;
    }
}
