package dev.awstestharness.localcloud.internal.ecs;

import dev.awstestharness.localcloud.ContainerProgram;
import java.time.Instant;
import java.util.concurrent.Future;

/**
 * One container of a running task. Its mutable state is guarded by the lock of its {@link EcsTask}.
 */
final class TaskContainer {
    final ContainerDefinition definition;
    final String arn;
    final String runtimeId;
    final LocalContainerContext context;

    String lastStatus = "PENDING";
    String desiredStatus = "RUNNING";
    Integer exitCode;
    String reason;
    Instant startedAt;
    Instant finishedAt;
    ContainerProgram program;
    Thread thread;
    Future<?> killTimer;

    TaskContainer(ContainerDefinition definition, String arn, String runtimeId, LocalContainerContext context) {
        this.definition = definition;
        this.arn = arn;
        this.runtimeId = runtimeId;
        this.context = context;
    }

    boolean stopped() {
        return lastStatus.equals("STOPPED");
    }

    TaskSnapshot.ContainerSnapshot snapshot(String imageDigest) {
        return new TaskSnapshot.ContainerSnapshot(definition.name(), arn, definition.image(), imageDigest, runtimeId, definition.essential(),
                lastStatus, desiredStatus, exitCode, reason, definition.cpu(), definition.memory(), definition.memoryReservation(), startedAt,
                finishedAt);
    }
}
