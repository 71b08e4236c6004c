package dev.awstestharness.localcloud;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ContainerProgram} sees of its container: what a process in the container would see of its command line
 * and environment, plus the task it belongs to.
 */
public interface ContainerContext {
    /** The container's name in the task definition. */
    String containerName();

    /** {@code arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/TASK_ID} */
    String taskArn();

    /** {@code arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION} */
    String taskDefinitionArn();

    /** {@code arn:aws:ecs:REGION:ACCOUNT:cluster/NAME} */
    String clusterArn();

    /** The container definition's {@code entryPoint}; empty when it has none. */
    List<String> entryPoint();

    /**
     * The container's command: the RunTask container override's {@code command} when it has one, otherwise the
     * container definition's; empty when neither has one.
     */
    List<String> command();

    /**
     * The container's environment: the definition's variables, replaced or extended by the RunTask container
     * override's, plus what ECS adds ({@code ECS_CONTAINER_METADATA_URI_V4}, {@code AWS_REGION},
     * {@code AWS_DEFAULT_REGION}, {@code AWS_EXECUTION_ENV}) and {@code AWS_ENDPOINT_URL}, the local cloud's endpoint,
     * unless the task sets it. Unmodifiable.
     */
    Map<String, String> environment();

    /**
     * The container metadata endpoint (version 4), also in the environment as {@code ECS_CONTAINER_METADATA_URI_V4}:
     * {@code GET} it for this container's metadata, {@code GET <it>/task} for the task's, in the shapes ECS documents.
     */
    URI metadataEndpoint();

    /** Whether the task is stopping: the program should exit (its thread has also been interrupted). */
    boolean isStopping();

    /**
     * Waits until the task is stopping or {@code timeout} has passed.
     *
     * @return whether the task is stopping
     */
    boolean awaitStopping(Duration timeout) throws InterruptedException;
}
