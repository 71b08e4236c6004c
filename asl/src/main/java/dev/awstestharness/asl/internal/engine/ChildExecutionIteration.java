package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionRequest;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.model.StateGraph;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A distributed Map iteration: a child execution of the item processor, with its own ARN, history and variables (a
 * child reads no variables of its parent). Stopping the Map stops the children.
 */
final class ChildExecutionIteration implements MapRun.Iteration {
    private final EngineServices services;
    private final StateGraph processor;
    private final String executionArnPrefix;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final String roleArn;
    private final List<Execution> children = new CopyOnWriteArrayList<>();

    ChildExecutionIteration(EngineServices services, StateGraph processor, MapRunIdentity identity, String roleArn) {
        this.services = services;
        this.processor = processor;
        this.executionArnPrefix = identity.childExecutionArnPrefix();
        this.stateMachineArn = identity.childStateMachineArn();
        this.stateMachineName = identity.childStateMachineName();
        this.roleArn = roleArn;
    }

    @Override
    public CompletableFuture<JsonNode> run(int index, JsonNode input, CancellationScope scope) {
        String name = UUID.randomUUID().toString();
        ExecutionRun child = new ExecutionRun(services, new ExecutionRequest(executionArnPrefix + name, name, stateMachineArn,
                stateMachineName, roleArn, input), processor, null);
        children.add(child);
        services.childExecutions().accept(child);
        child.start();
        CompletableFuture<JsonNode> output = new CompletableFuture<>();
        child.completion().whenComplete((finished, failure) -> {
            if (child.status() == ExecutionStatus.SUCCEEDED) {
                output.complete(child.output());
            } else {
                output.completeExceptionally(new StatesError(child.error() == null ? StatesErrors.TASK_FAILED : child.error(), child.cause()));
            }
        });
        scope.track(output).whenComplete((value, failure) -> {
            if (GraphRunner.unwrap(failure) instanceof Cancelled) child.stop("States.Aborted", "The Map Run was stopped");
        });
        return output;
    }

    /** The children started so far, in order. */
    List<Execution> children() {
        return children;
    }
}
