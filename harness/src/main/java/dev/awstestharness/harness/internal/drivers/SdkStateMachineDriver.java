package dev.awstestharness.harness.internal.drivers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.harness.Json;
import dev.awstestharness.harness.StateMachineDriver;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.internal.target.Target.Polling;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;

/** Starts executions of one state machine and sends task callbacks, through the SDK. */
public final class SdkStateMachineDriver implements StateMachineDriver {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SfnClient sfn;
    private final String name;
    private final String arn;
    private final boolean express;
    private final Duration defaultTimeout;
    private final Polling polling;
    private final Consumer<StateMachineExecution> started;
    private final WaitDescriber waits;

    /**
     * @param name the name the test used (a logical id or a double's name), for messages
     * @param started told of each execution started, for the test's diagnostics
     */
    public SdkStateMachineDriver(SfnClient sfn, String name, String arn, boolean express, Duration defaultTimeout, Polling polling,
            Consumer<StateMachineExecution> started) {
        this(sfn, name, arn, express, defaultTimeout, polling, started, WaitDescriber.NONE);
    }

    /** @param waits says which double a task state is waiting for, when an execution times out */
    public SdkStateMachineDriver(SfnClient sfn, String name, String arn, boolean express, Duration defaultTimeout, Polling polling,
            Consumer<StateMachineExecution> started, WaitDescriber waits) {
        this.waits = waits;
        this.sfn = sfn;
        this.name = name;
        this.arn = arn;
        this.express = express;
        this.defaultTimeout = defaultTimeout;
        this.polling = polling;
        this.started = started;
    }

    @Override
    public String arn() {
        return arn;
    }

    @Override
    public StateMachineExecution execute(Object input) {
        return execute(input, defaultTimeout);
    }

    /**
     * Starts an execution and waits for its end: an EXPRESS state machine with StartSyncExecution (as AWS can only
     * describe EXPRESS executions that way), a STANDARD one by polling DescribeExecution.
     */
    @Override
    public StateMachineExecution execute(Object input, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!express) return startExecution(input).awaitCompletion(timeout);
        String json = json(input, "The input of " + name);
        StartSyncExecutionResponse response;
        try {
            response = sfn.startSyncExecution(r -> r.stateMachineArn(arn).input(json)
                    .overrideConfiguration(c -> c.apiCallTimeout(timeout.plusMillis(500))));
        } catch (ApiCallTimeoutException e) {
            throw new AssertionError("The EXPRESS execution of " + name + " was still running after " + timeout.toMillis() + " ms (StartSyncExecution "
                    + "gave no answer); give a longer timeout with execute(input, timeout) if it needs more time", e);
        }
        StateMachineExecution execution = SdkStateMachineExecution.ended(sfn, name, polling, response);
        started.accept(execution);
        return execution;
    }

    @Override
    public StateMachineExecution startExecution(Object input) {
        String json = json(input, "The input of " + name);
        String executionArn = sfn.startExecution(r -> r.stateMachineArn(arn).input(json)).executionArn();
        StateMachineExecution execution = new SdkStateMachineExecution(sfn, executionArn, name, polling, waits);
        started.accept(execution);
        return execution;
    }

    @Override
    public void sendTaskSuccess(String taskToken, Object output) {
        Objects.requireNonNull(taskToken, "taskToken");
        String json = json(output, "The task output");
        sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(json));
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        Objects.requireNonNull(taskToken, "taskToken");
        sfn.sendTaskFailure(r -> r.taskToken(taskToken).error(error).cause(cause));
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        Objects.requireNonNull(taskToken, "taskToken");
        sfn.sendTaskHeartbeat(r -> r.taskToken(taskToken));
    }

    /** Any value as JSON text; a string is taken as JSON text already; {@code null} is {@code {}}. */
    static String json(Object value, String what) {
        if (value == null) return "{}";
        if (value instanceof String text) {
            try {
                var parsed = MAPPER.readTree(text);
                if (parsed == null || parsed.isMissingNode()) throw new IllegalArgumentException(what + " is an empty String; pass JSON text");
                return parsed.toString();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " is a String that is not JSON (" + e.getOriginalMessage() + "): " + text
                        + "; pass a Map, a record or a JsonNode, or JSON text", e);
            }
        }
        return Json.toJson(value).toString();
    }

    @Override
    public String toString() {
        return "StateMachineDriver[" + name + ", " + arn + "]";
    }
}
