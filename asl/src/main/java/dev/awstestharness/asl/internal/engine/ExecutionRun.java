package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionRequest;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.ExecutionTimeoutException;
import dev.awstestharness.asl.HistoryEvent;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.StateGraph;
import dev.awstestharness.asl.time.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** One execution: runs the definition's graph, keeps the history and the final status. */
public final class ExecutionRun implements Execution {
    private static final DateTimeFormatter CONTEXT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final EngineServices services;
    private final ExecutionRequest request;
    private final StateGraph graph;
    private final Long timeoutSeconds;
    private final History history;
    private final CancellationScope scope = new CancellationScope(null);
    private final CompletableFuture<Execution> completion = new CompletableFuture<>();
    private final AtomicLong skippedNanos = new AtomicLong();
    private final Instant startDate;
    private final ObjectNode executionContext;
    private final ObjectNode stateMachineContext;

    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;
    private volatile Instant stopDate;
    private volatile String currentState;
    private EngineClock.Cancellable timeoutTimer;

    public ExecutionRun(EngineServices services, ExecutionRequest request, StateGraph graph, Long timeoutSeconds) {
        this.services = services;
        this.request = request;
        this.graph = graph;
        this.timeoutSeconds = timeoutSeconds;
        this.startDate = services.clock().now().truncatedTo(ChronoUnit.MILLIS);
        this.history = new History(this::now);
        this.executionContext = Json.object();
        executionContext.put("Id", request.executionArn());
        executionContext.set("Input", request.input());
        executionContext.put("Name", request.executionName());
        executionContext.put("RoleArn", request.roleArn());
        executionContext.put("StartTime", CONTEXT_TIME.format(startDate));
        executionContext.put("RedriveCount", 0);
        this.stateMachineContext = Json.object();
        stateMachineContext.put("Id", request.stateMachineArn());
        stateMachineContext.put("Name", request.stateMachineName());
    }

    /** Records ExecutionStarted and runs the first states on the services' executor. */
    public void start() {
        Frame root = new Frame(this, scope, new Variables(null), 0);
        root.record("ExecutionStarted", "executionStartedEventDetails",
                "input", request.input(), "roleArn", request.roleArn(), "stateMachineArn", request.stateMachineArn());
        if (timeoutSeconds != null) {
            timeoutTimer = services.clock().schedule(Duration.ofSeconds(timeoutSeconds),
                    () -> scope.cancel(new Cancelled(Cancelled.Reason.EXECUTION_TIMED_OUT)));
        }
        services.executor().execute(() -> new GraphRunner(services).run(graph, request.input(), root)
                .whenComplete((result, failure) -> finish(root, result, failure)));
    }

    private void finish(Frame root, JsonNode result, Throwable failure) {
        if (timeoutTimer != null) timeoutTimer.cancel();
        Throwable reason = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        synchronized (this) {
            if (status.isFinal()) return;
            if (reason == null) {
                output = result;
                root.record("ExecutionSucceeded", "executionSucceededEventDetails", "output", result);
                end(ExecutionStatus.SUCCEEDED);
            } else if (reason instanceof Cancelled cancelled && cancelled.reason() == Cancelled.Reason.EXECUTION_TIMED_OUT) {
                error = StatesErrors.TIMEOUT;
                cause = "The execution ran longer than its TimeoutSeconds of " + timeoutSeconds + " seconds";
                root.record("ExecutionTimedOut", "executionTimedOutEventDetails", "error", error, "cause", cause);
                end(ExecutionStatus.TIMED_OUT);
            } else if (reason instanceof Cancelled) {
                return; // stop() has recorded the abort already
            } else if (reason instanceof StatesError statesError) {
                error = statesError.error();
                cause = statesError.cause();
                root.record("ExecutionFailed", "executionFailedEventDetails", "error", error, "cause", cause);
                end(ExecutionStatus.FAILED);
            } else {
                error = StatesErrors.RUNTIME;
                cause = "Internal error of the local interpreter: " + reason;
                root.record("ExecutionFailed", "executionFailedEventDetails", "error", error, "cause", cause);
                end(ExecutionStatus.FAILED);
            }
        }
        completion.complete(this);
    }

    private void end(ExecutionStatus finalStatus) {
        stopDate = now();
        status = finalStatus;
    }

    @Override
    public void stop(String stopError, String stopCause) {
        synchronized (this) {
            if (status.isFinal()) return;
            error = stopError;
            cause = stopCause;
            history.append(history.size(), "ExecutionAborted", "executionAbortedEventDetails", "error", stopError, "cause", stopCause);
            end(ExecutionStatus.ABORTED);
        }
        if (timeoutTimer != null) timeoutTimer.cancel();
        scope.cancel(new Cancelled(Cancelled.Reason.EXECUTION_STOPPED));
        completion.complete(this);
    }

    /** Now, on this execution's clock: the engine clock plus the waits it skipped, in milliseconds as AWS reports time. */
    public Instant now() {
        long skipped = skippedNanos.get();
        Instant now = services.clock().now();
        return (skipped == 0 ? now : now.plusNanos(skipped)).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Completes after {@code duration} of execution time; the real wait is scaled by the interpreter's wait scale. */
    CompletableFuture<Void> sleep(Duration duration, CancellationScope waitScope) {
        long virtualNanos = Math.max(0, duration.toNanos());
        long realNanos = (long) (virtualNanos * services.waitScale());
        skippedNanos.addAndGet(virtualNanos - realNanos);
        if (timeoutSeconds != null && Duration.between(startDate, now()).getSeconds() >= timeoutSeconds) {
            scope.cancel(new Cancelled(Cancelled.Reason.EXECUTION_TIMED_OUT));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waitScope.track(done);
        if (realNanos == 0) {
            done.complete(null);
        } else {
            EngineClock.Cancellable timer = services.clock().schedule(Duration.ofNanos(realNanos), () -> done.complete(null));
            done.whenComplete((ignored, failure) -> timer.cancel());
        }
        return done;
    }

    ObjectNode contextObject(String stateName, Instant enteredTime, int retryCount, String taskToken, ObjectNode mapItem) {
        ObjectNode context = Json.object();
        context.set("Execution", executionContext);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", CONTEXT_TIME.format(enteredTime.truncatedTo(ChronoUnit.MILLIS)));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        context.set("StateMachine", stateMachineContext);
        if (taskToken != null) context.putObject("Task").put("Token", taskToken);
        if (mapItem != null) context.putObject("Map").set("Item", mapItem);
        return context;
    }

    void currentState(String name) {
        currentState = name;
    }

    History historyLog() {
        return history;
    }

    EngineServices services() {
        return services;
    }

    @Override
    public ExecutionRequest request() {
        return request;
    }

    @Override
    public ExecutionStatus status() {
        return status;
    }

    @Override
    public Instant startDate() {
        return startDate;
    }

    @Override
    public Instant stopDate() {
        return stopDate;
    }

    @Override
    public JsonNode output() {
        return output;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public String cause() {
        return cause;
    }

    @Override
    public List<HistoryEvent> history() {
        return history.snapshot();
    }

    @Override
    public CompletableFuture<Execution> completion() {
        return completion;
    }

    @Override
    public Execution await(Duration timeout) {
        try {
            return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionTimeoutException("Execution " + request.executionArn() + " was still running after " + timeout
                    + (currentState == null ? "" : "; it was in state '" + currentState + "'"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionTimeoutException("Interrupted while waiting for execution " + request.executionArn());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String toString() {
        return request.executionArn() + " " + status;
    }
}
