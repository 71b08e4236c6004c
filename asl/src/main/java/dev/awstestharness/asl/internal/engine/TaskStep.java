package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.jsonata.JsonataException;
import dev.awstestharness.asl.internal.model.SecondsField;
import dev.awstestharness.asl.internal.model.TaskResource;
import dev.awstestharness.asl.internal.model.TaskState;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.asl.time.EngineClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of a Task state: input processing, the call through the resource's integration with its pattern
 * (request-response, run a job, wait for a task token), timeouts and heartbeats, and result processing.
 */
final class TaskStep {
    private TaskStep() {}

    static RetryLoop.Attempt attempt(TaskState task, EngineServices services) {
        return (entry, rawInput) -> run(task, task.resource(), services, entry, rawInput);
    }

    private static CompletableFuture<Outcome> run(TaskState task, TaskResource resource, EngineServices services,
            StateEntry entry, JsonNode rawInput) {
        JsonNode input = DataFlow.filteredInput(entry, task.header().io(), rawInput);
        ServiceIntegration integration = services.integrations().find(resource.serviceResource()).orElseThrow(() ->
                entry.runtimeError("No service integration is registered for the resource '" + resource.arn()
                        + "'. Registered resources: " + services.integrations().describe()));
        if (!integration.patterns().contains(resource.pattern())) {
            throw entry.runtimeError("The resource '" + resource.serviceResource() + "' does not support the "
                    + (resource.pattern() == IntegrationPattern.REQUEST_RESPONSE ? "request-response" : "'" + resource.pattern().suffix() + "'")
                    + " integration pattern; it supports " + integration.patterns());
        }
        String token = null;
        if (resource.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            token = services.taskTokens().newToken();
            entry.taskToken(token);
        }
        JsonNode parameters = DataFlow.effectiveInput(entry, task.header().io(), rawInput);
        Long timeout = seconds(task.timeout(), "TimeoutSeconds", entry, input, rawInput);
        Long heartbeat = seconds(task.heartbeat(), "HeartbeatSeconds", entry, input, rawInput);
        TaskEvents events = new TaskEvents(resource, entry.frame, services.region());
        events.scheduled(parameters, timeout, heartbeat);
        events.started();

        TaskRequest request = new TaskRequest(resource.arn(), resource.serviceResource(), resource.pattern(), parameters, token,
                entry.run().request().executionArn(), entry.name(), timeout);
        // The token must be registered before the integration runs: a callback can arrive before invoke() returns.
        TaskTokens.Waiting waiting = token == null ? null : services.taskTokens().await(token);
        CompletableFuture<JsonNode> call = invoke(integration, request);
        CompletableFuture<JsonNode> result = call;
        if (waiting != null) {
            result = call.thenCompose(response -> {
                events.submitted(response);
                return waiting.result;
            });
        }
        CompletableFuture<JsonNode> guarded = guard(result, timeout, heartbeat, waiting, services.clock());
        guarded.whenComplete((value, failure) -> {
            // A task that ended without its callback (timeout, stop, failed request) retires its token.
            if (waiting != null) waiting.result.cancel(false);
            if (failure != null) call.cancel(false);
        });
        entry.frame.scope.track(guarded);
        return guarded.handle((value, failure) -> {
            if (failure != null) {
                Throwable error = GraphRunner.unwrap(failure);
                if (error instanceof Cancelled cancelled) throw cancelled;
                StatesError statesError = error instanceof StatesError known ? known
                        : new StatesError(StatesErrors.TASK_FAILED, "The service integration for '" + resource.arn() + "' failed: " + error);
                events.failed(statesError);
                throw statesError;
            }
            events.succeeded(value);
            entry.checkSize(value);
            return DataFlow.complete(entry, task.header().io(), rawInput, value, task.header().next());
        });
    }

    private static CompletableFuture<JsonNode> invoke(ServiceIntegration integration, TaskRequest request) {
        try {
            CompletableFuture<JsonNode> call = integration.invoke(request);
            return call != null ? call : CompletableFuture.failedFuture(new StatesError(StatesErrors.TASK_FAILED,
                    "The service integration for '" + request.resource() + "' returned no result"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A future that follows the task's result, fails with States.Timeout / States.HeartbeatTimeout when its time is
     * up, and can be completed by a cancellation without touching the integration's own future.
     */
    private static CompletableFuture<JsonNode> guard(CompletableFuture<JsonNode> result, Long timeout, Long heartbeat,
            TaskTokens.Waiting waiting, EngineClock clock) {
        CompletableFuture<JsonNode> guarded = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            if (failure != null) guarded.completeExceptionally(GraphRunner.unwrap(failure));
            else guarded.complete(value);
        });
        if (timeout != null) {
            EngineClock.Cancellable timer = clock.schedule(Duration.ofSeconds(timeout),
                    () -> guarded.completeExceptionally(new StatesError(StatesErrors.TIMEOUT, null)));
            guarded.whenComplete((value, failure) -> timer.cancel());
        }
        if (heartbeat != null && waiting != null) {
            Runnable rearm = new Runnable() {
                private EngineClock.Cancellable timer;

                @Override
                public synchronized void run() {
                    if (timer != null) timer.cancel();
                    if (guarded.isDone()) return;
                    timer = clock.schedule(Duration.ofSeconds(heartbeat),
                            () -> guarded.completeExceptionally(new StatesError(StatesErrors.HEARTBEAT_TIMEOUT, null)));
                }
            };
            waiting.onHeartbeat = rearm;
            rearm.run();
            guarded.whenComplete((value, failure) -> rearm.run());
        }
        return guarded;
    }

    private static Long seconds(SecondsField field, String name, StateEntry entry, JsonNode input, JsonNode rawInput) {
        if (field.seconds() != null) return field.seconds();
        JsonNode value;
        String shown;
        if (field.expression() != null) {
            value = field.expression().evaluate(entry.jsonataScope(rawInput, null, null), name);
            if (value.isIntegralNumber() && value.longValue() >= 1) return value.longValue();
            throw new JsonataException("The JSONata expression '" + field.expression().expressionSource() + "' specified for the field '"
                    + name + "' returned an unexpected result type. Expected 'positive integer', but was '" + Json.typeName(value)
                    + "' for value: " + Json.write(value));
        }
        if (field.path() == null) return null;
        try {
            value = field.path().read(entry.scope(input));
        } catch (PathNotFoundException e) {
            throw entry.runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
        }
        shown = field.path().source() + " == " + Json.write(value);
        if (!value.isIntegralNumber() || value.longValue() < 1) {
            throw entry.runtimeError("The " + name + "Path parameter must reference a positive integer: " + shown);
        }
        return value.longValue();
    }
}
