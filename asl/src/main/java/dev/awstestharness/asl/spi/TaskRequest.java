package dev.awstestharness.asl.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attempt of a Task state, as a service integration sees it.
 *
 * @param resource the Task's {@code Resource}, e.g. {@code arn:aws:states:::lambda:invoke.waitForTaskToken}
 * @param serviceResource the resource without the pattern suffix, e.g. {@code arn:aws:states:::lambda:invoke}
 * @param pattern the integration pattern the suffix selects
 * @param parameters the effective input of the task (after InputPath and Parameters)
 * @param taskToken the task token for {@link IntegrationPattern#WAIT_FOR_TASK_TOKEN}, otherwise {@code null}
 * @param executionArn the execution the task belongs to
 * @param stateName the Task state's name
 * @param timeoutSeconds the task's timeout, or {@code null} when it has none
 */
public record TaskRequest(
        String resource,
        String serviceResource,
        IntegrationPattern pattern,
        JsonNode parameters,
        String taskToken,
        String executionArn,
        String stateName,
        Long timeoutSeconds) {}
