package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.model.TaskResource;

/**
 * The history events of a task, named as AWS names them: {@code TaskScheduled ... TaskSucceeded} for service
 * integrations, {@code LambdaFunctionScheduled ... LambdaFunctionSucceeded} for a bare Lambda function ARN.
 */
final class TaskEvents {
    private final TaskResource resource;
    private final Frame frame;
    private final String region;

    TaskEvents(TaskResource resource, Frame frame, String region) {
        this.resource = resource;
        this.frame = frame;
        this.region = region;
    }

    void scheduled(JsonNode parameters, Long timeout, Long heartbeat) {
        if (resource.lambdaFunction()) {
            frame.record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails",
                    "resource", resource.arn(), "input", parameters, "timeoutInSeconds", timeout);
        } else {
            frame.record("TaskScheduled", "taskScheduledEventDetails", "resourceType", resource.resourceType(),
                    "resource", resource.resource(), "region", region, "parameters", parameters,
                    "timeoutInSeconds", timeout, "heartbeatInSeconds", heartbeat);
        }
    }

    void started() {
        if (resource.lambdaFunction()) {
            frame.record("LambdaFunctionStarted", null);
        } else {
            frame.record("TaskStarted", "taskStartedEventDetails", "resourceType", resource.resourceType(), "resource", resource.resource());
        }
    }

    void submitted(JsonNode output) {
        frame.record("TaskSubmitted", "taskSubmittedEventDetails", "resourceType", resource.resourceType(),
                "resource", resource.resource(), "output", output);
    }

    void succeeded(JsonNode output) {
        if (resource.lambdaFunction()) {
            frame.record("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", "output", output);
        } else {
            frame.record("TaskSucceeded", "taskSucceededEventDetails", "resourceType", resource.resourceType(),
                    "resource", resource.resource(), "output", output);
        }
    }

    void failed(StatesError error) {
        boolean timedOut = StatesErrors.TIMEOUT.equals(error.error()) || StatesErrors.HEARTBEAT_TIMEOUT.equals(error.error());
        String prefix = resource.lambdaFunction() ? "LambdaFunction" : "Task";
        String type = prefix + (timedOut ? "TimedOut" : "Failed");
        String key = (resource.lambdaFunction() ? "lambdaFunction" : "task") + (timedOut ? "TimedOut" : "Failed") + "EventDetails";
        if (resource.lambdaFunction()) {
            frame.record(type, key, "error", error.error(), "cause", error.cause());
        } else {
            frame.record(type, key, "resourceType", resource.resourceType(), "resource", resource.resource(),
                    "error", error.error(), "cause", error.cause());
        }
    }
}
