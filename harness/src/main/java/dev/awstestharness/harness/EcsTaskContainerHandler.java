package dev.awstestharness.harness;

/**
 * Decides what one container of an ECS task double does: it gets the container's command arguments and environment
 * (container overrides included) and returns the exit code. A handler that throws makes the container exit with
 * code 1, and fails the test.
 */
@FunctionalInterface
public interface EcsTaskContainerHandler {
    ExitCode handle(TaskContext task) throws Exception;
}
