package dev.awstestharness.harness.internal.target;

import dev.awstestharness.doubles.ecs.EcsTaskRunner;
import dev.awstestharness.localcloud.ContainerContext;
import dev.awstestharness.localcloud.ContainerProgram;

/**
 * The program of the runner image in the local cloud: {@link EcsTaskRunner#run} with the container's environment and
 * command, as the image's entry point runs it in a container on AWS. The local cloud's stop signal (an interrupt)
 * reaches the runner as SIGTERM does: it still finishes relaying its invocation within
 * {@link EcsTaskRunner#STOPPING_GRACE}.
 */
final class RunnerProgram implements ContainerProgram {
    @Override
    public int run(ContainerContext context) {
        return EcsTaskRunner.run(context.environment(), context.command());
    }
}
