package dev.awstestharness.harness.internal.drivers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.harness.ExecutionEvent;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.internal.target.Target.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;

/**
 * An execution read through DescribeExecution and GetExecutionHistory. Once it has ended its description is kept, so
 * that repeated reads cost nothing.
 */
public final class SdkStateMachineExecution implements StateMachineExecution {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_SHOWN = 2_000;

    private final SfnClient sfn;
    private final String arn;
    private final String stateMachine;
    private final Polling polling;
    private final WaitDescriber waits;
    private volatile DescribeExecutionResponse ended;

    public SdkStateMachineExecution(SfnClient sfn, String arn, String stateMachine, Polling polling) {
        this(sfn, arn, stateMachine, polling, WaitDescriber.NONE);
    }

    /** @param waits says which double a task state is waiting for, when the execution times out */
    public SdkStateMachineExecution(SfnClient sfn, String arn, String stateMachine, Polling polling, WaitDescriber waits) {
        this.sfn = sfn;
        this.arn = arn;
        this.stateMachine = stateMachine;
        this.polling = polling;
        this.waits = waits;
    }

    /** An execution that has ended, as StartSyncExecution described it. */
    static SdkStateMachineExecution ended(SfnClient sfn, String stateMachine, Polling polling, StartSyncExecutionResponse response) {
        SdkStateMachineExecution execution = new SdkStateMachineExecution(sfn, response.executionArn(), stateMachine, polling, WaitDescriber.NONE);
        execution.ended = DescribeExecutionResponse.builder()
                .executionArn(response.executionArn())
                .stateMachineArn(response.stateMachineArn())
                .name(response.name())
                .status(response.statusAsString())
                .startDate(response.startDate())
                .stopDate(response.stopDate())
                .input(response.input())
                .output(response.output())
                .error(response.error())
                .cause(response.cause())
                .build();
        return execution;
    }

    @Override
    public String arn() {
        return arn;
    }

    /** The state machine's name as the test gave it. */
    public String stateMachine() {
        return stateMachine;
    }

    /** The execution's name (the last part of its ARN). */
    public String name() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private DescribeExecutionResponse describe() {
        DescribeExecutionResponse description = ended;
        if (description != null) return description;
        description = sfn.describeExecution(r -> r.executionArn(arn));
        if (description.status() != ExecutionStatus.RUNNING && description.status() != ExecutionStatus.PENDING_REDRIVE) ended = description;
        return description;
    }

    @Override
    public String status() {
        return describe().statusAsString();
    }

    @Override
    public boolean isRunning() {
        return describe().status() == ExecutionStatus.RUNNING;
    }

    @Override
    public JsonNode output() {
        DescribeExecutionResponse description = describe();
        if (description.status() != ExecutionStatus.SUCCEEDED) {
            throw new AssertionError("The " + this + " has no output: it " + outcome(description));
        }
        return parse(description.output());
    }

    @Override
    public ExecutionFailure failure() {
        DescribeExecutionResponse description = describe();
        return switch (description.status()) {
            case FAILED, TIMED_OUT, ABORTED -> failureOf(description);
            default -> throw new AssertionError("The " + this + " has no failure: it " + outcome(description));
        };
    }

    @Override
    public StateMachineExecution assertSucceeded() {
        DescribeExecutionResponse description = describe();
        if (description.status() == ExecutionStatus.SUCCEEDED) return this;
        throw new AssertionError("Expected the " + this + " to succeed, but it " + outcome(description));
    }

    @Override
    public StateMachineExecution awaitCompletion(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = polling.first().toNanos();
        while (true) {
            DescribeExecutionResponse description = describe();
            if (description.status() != ExecutionStatus.RUNNING) return this;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("The " + this + " was still RUNNING after " + format(timeout) + ", " + waiting(history())
                        + "; give a longer timeout with execute(input, timeout) or awaitCompletion(timeout) if it needs more time");
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the " + this);
            }
            pause = polling.nextNanos(pause);
        }
    }

    @Override
    public List<ExecutionEvent> history() {
        List<ExecutionEvent> events = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000).nextToken(next));
            for (HistoryEvent event : page.events()) events.add(event(event));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(events);
    }

    private static ExecutionEvent event(HistoryEvent event) {
        ObjectNode details = null;
        for (SdkField<?> field : event.sdkFields()) {
            if (!field.locationName().endsWith("EventDetails")) continue;
            Object value = field.getValueOrDefault(event);
            if (value instanceof SdkPojo pojo) {
                details = SdkJson.toJson(pojo);
                break;
            }
        }
        return new ExecutionEvent(event.id() == null ? 0 : event.id(), event.previousEventId() == null ? 0 : event.previousEventId(),
                event.typeAsString(), details != null ? details : MAPPER.createObjectNode());
    }

    /** The history, or an empty one when the target keeps none (EXPRESS executions on AWS). */
    private List<ExecutionEvent> historyIfAvailable() {
        try {
            return history();
        } catch (SfnException e) {
            return List.of();
        }
    }

    private ExecutionFailure failureOf(DescribeExecutionResponse description) {
        String error = description.error();
        String cause = description.cause();
        if (error == null && cause == null) {
            List<ExecutionEvent> history = historyIfAvailable();
            for (int i = history.size() - 1; i >= 0; i--) {
                ExecutionEvent event = history.get(i);
                if (event.type().startsWith("Execution") && (event.type().endsWith("Failed") || event.type().endsWith("TimedOut")
                        || event.type().endsWith("Aborted"))) {
                    error = text(event.details(), "error");
                    cause = text(event.details(), "cause");
                    break;
                }
            }
        }
        return new ExecutionFailure(error, cause);
    }

    /** "FAILED in state 'X' with error 'E' and cause 'C'", "is still RUNNING, in state 'X'", "SUCCEEDED with output ...". */
    private String outcome(DescribeExecutionResponse description) {
        return switch (description.status()) {
            case SUCCEEDED -> "SUCCEEDED with output " + shorten(description.output());
            case RUNNING -> "is still RUNNING, " + where(history());
            default -> {
                ExecutionFailure failure = failureOf(description);
                String state = failedState(historyIfAvailable());
                yield description.statusAsString() + (state != null ? " in state '" + state + "'" : "") + " with error " + quote(failure.error())
                        + " and cause " + quote(failure.cause());
            }
        };
    }

    /** "in state 'X', which is waiting for ...": where it is, and the double it waits for. */
    private String waiting(List<ExecutionEvent> history) {
        String where = where(history);
        String state = lastOpenState(history);
        if (state == null) return where;
        ExecutionEvent scheduled = scheduledIn(history, state);
        String clause = null;
        if (scheduled != null) {
            try {
                clause = waits.describe(scheduled);
            } catch (RuntimeException e) {
                clause = null; // the message does without it
            }
        }
        return clause == null ? where : where + ", " + clause;
    }

    /** The last task scheduled after the last entry into {@code state}, or {@code null}. */
    static ExecutionEvent scheduledIn(List<ExecutionEvent> history, String state) {
        int entered = -1;
        for (int i = history.size() - 1; i >= 0; i--) {
            ExecutionEvent event = history.get(i);
            if (event.type().endsWith("StateEntered") && state.equals(event.stateName())) {
                entered = i;
                break;
            }
        }
        if (entered < 0) return null;
        ExecutionEvent scheduled = null;
        for (int i = entered + 1; i < history.size(); i++) {
            String type = history.get(i).type();
            if (type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled")) scheduled = history.get(i);
        }
        return scheduled;
    }

    /** "in state 'X'", or "before entering any state". */
    private static String where(List<ExecutionEvent> history) {
        String state = lastOpenState(history);
        return state != null ? "in state '" + state + "'" : "before entering any state";
    }

    /**
     * The state in which the execution failed: following the previous-event links back from the execution's end to the
     * state it happened in; else the last state entered and not left.
     */
    static String failedState(List<ExecutionEvent> history) {
        if (history.isEmpty()) return null;
        Map<Long, ExecutionEvent> byId = new HashMap<>();
        for (ExecutionEvent event : history) byId.put(event.id(), event);
        ExecutionEvent end = history.get(history.size() - 1);
        if (end.type().startsWith("Execution")) {
            ExecutionEvent event = byId.get(end.previousEventId());
            for (int steps = 0; event != null && steps < history.size(); steps++) {
                if (event.type().endsWith("StateEntered")) return event.stateName();
                event = byId.get(event.previousEventId());
            }
        }
        return lastOpenState(history);
    }

    /** The last state entered and not yet left. */
    static String lastOpenState(List<ExecutionEvent> history) {
        List<String> open = new ArrayList<>();
        for (ExecutionEvent event : history) {
            String name = event.stateName();
            if (name == null) continue;
            if (event.type().endsWith("StateEntered")) open.add(name);
            else if (event.type().endsWith("StateExited")) {
                int index = open.lastIndexOf(name);
                if (index >= 0) open.remove(index);
            }
        }
        return open.isEmpty() ? null : open.get(open.size() - 1);
    }

    private static JsonNode parse(String output) {
        if (output == null) return NullNode.getInstance();
        try {
            return MAPPER.readTree(output);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The execution's output is not JSON: " + shorten(output), e);
        }
    }

    private static String text(JsonNode details, String field) {
        JsonNode value = details.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String quote(String text) {
        return text == null ? "(none)" : "'" + shorten(text) + "'";
    }

    static String shorten(String text) {
        if (text == null) return "null";
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "... (" + text.length() + " characters)";
    }

    private static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    @Override
    public String toString() {
        return "execution '" + name() + "' of " + stateMachine + " (" + arn + ")";
    }
}
