package dev.awstestharness.asl.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::states:startExecution}: starts a nested execution through a {@link Launcher}. Request-response
 * and {@code .waitForTaskToken} return {@code {ExecutionArn, StartDate}}; {@code .sync} returns the finished
 * execution as DescribeExecution describes it, with {@code Input} and {@code Output} as JSON strings, and
 * {@code .sync:2} with them as JSON. A nested execution that does not succeed fails the task with
 * {@code States.TaskFailed} and that description (with {@code Error} and {@code Cause}) as the cause. Stopping or
 * timing out the task stops the nested execution.
 */
public final class StartExecutionIntegration implements ServiceIntegration {
    public static final String RESOURCE = "arn:aws:states:::states:startExecution";

    /** Starts an execution of a known state machine; throws StatesError when the state machine does not exist. */
    @FunctionalInterface
    public interface Launcher {
        Execution start(String stateMachineArn, String executionName, JsonNode input);
    }

    private final Launcher launcher;

    public StartExecutionIntegration(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Set<IntegrationPattern> patterns() {
        return EnumSet.allOf(IntegrationPattern.class);
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        JsonNode parameters = request.parameters();
        JsonNode arn = parameters.get("StateMachineArn");
        if (arn == null || !arn.isTextual()) {
            throw new StatesError("States.Runtime", "The parameters of states:startExecution need a string 'StateMachineArn' but were "
                    + Json.abbreviate(parameters));
        }
        JsonNode name = parameters.get("Name");
        Execution child = launcher.start(arn.textValue(), name != null && name.isTextual() ? name.textValue() : UUID.randomUUID().toString(),
                input(parameters.get("Input")));
        if (request.pattern() == IntegrationPattern.REQUEST_RESPONSE || request.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            ObjectNode response = Json.object();
            response.put("ExecutionArn", child.executionArn());
            response.put("StartDate", child.startDate().toEpochMilli());
            return CompletableFuture.completedFuture(response);
        }
        boolean jsonShapes = request.pattern() == IntegrationPattern.RUN_JOB_V2;
        CompletableFuture<JsonNode> result = child.completion().thenApply(finished -> {
            ObjectNode description = describe(finished, jsonShapes);
            if (finished.status() != ExecutionStatus.SUCCEEDED) {
                throw new StatesError(StatesErrors.TASK_FAILED, Json.write(description));
            }
            return description;
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) child.stop("States.Aborted", "The parent task of this execution was stopped or timed out");
        });
        return result;
    }

    private static JsonNode input(JsonNode input) {
        if (input == null || input.isNull()) return Json.object();
        if (!input.isTextual()) return input;
        try {
            return Json.MAPPER.readTree(input.textValue());
        } catch (JsonProcessingException e) {
            throw new StatesError(StatesErrors.TASK_FAILED, "The 'Input' of states:startExecution is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The execution as DescribeExecution shows it, with AWS's field names. */
    public static ObjectNode describe(Execution execution, boolean jsonShapes) {
        ObjectNode description = Json.object();
        description.put("ExecutionArn", execution.executionArn());
        if (jsonShapes) {
            description.set("Input", execution.request().input());
        } else {
            description.put("Input", Json.write(execution.request().input()));
        }
        description.putObject("InputDetails").put("Included", true);
        description.put("Name", execution.request().executionName());
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            if (jsonShapes) {
                description.set("Output", execution.output());
            } else {
                description.put("Output", Json.write(execution.output()));
            }
            description.putObject("OutputDetails").put("Included", true);
        }
        description.put("RedriveCount", 0);
        description.put("RedriveStatus", "NOT_REDRIVABLE");
        description.put("StartDate", execution.startDate().toEpochMilli());
        description.put("StateMachineArn", execution.request().stateMachineArn());
        description.put("Status", execution.status().name());
        if (execution.stopDate() != null) description.put("StopDate", execution.stopDate().toEpochMilli());
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
            if (execution.error() != null) description.put("Error", execution.error());
            if (execution.cause() != null) description.put("Cause", execution.cause());
        }
        return description;
    }
}
