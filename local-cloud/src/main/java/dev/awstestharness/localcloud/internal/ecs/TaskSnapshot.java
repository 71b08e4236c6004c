package dev.awstestharness.localcloud.internal.ecs;

import java.time.Instant;
import java.util.List;

/**
 * A task as it was at one moment: what DescribeTasks and the metadata endpoint show. Timestamps are {@code null} until
 * the task gets there.
 *
 * @param network the task's network interface, or {@code null} unless its network mode is {@code awsvpc}
 */
record TaskSnapshot(
        String arn,
        String id,
        Cluster cluster,
        TaskDefinition definition,
        RunTaskRequest request,
        String availabilityZone,
        TaskNetwork network,
        String lastStatus,
        String desiredStatus,
        long version,
        Instant createdAt,
        Instant pullStartedAt,
        Instant pullStoppedAt,
        Instant startedAt,
        Instant connectivityAt,
        Instant stoppingAt,
        Instant executionStoppedAt,
        Instant stoppedAt,
        String stopCode,
        String stoppedReason,
        List<ContainerSnapshot> containers) {

    TaskSnapshot {
        containers = List.copyOf(containers);
    }

    boolean stopped() {
        return "STOPPED".equals(lastStatus);
    }

    ContainerSnapshot container(String runtimeId) {
        for (ContainerSnapshot container : containers) {
            if (container.runtimeId().equals(runtimeId)) return container;
        }
        return null;
    }

    /**
     * Why Step Functions' {@code .sync} pattern fails this stopped task, or {@code null} when it succeeded: it never
     * started, or an essential container exited with a code other than 0 (or with none).
     */
    String failure() {
        if ("TaskFailedToStart".equals(stopCode)) return "the task failed to start: " + stoppedReason;
        for (ContainerSnapshot container : containers) {
            if (!container.essential()) continue;
            if (container.exitCode() == null) return "the essential container '" + container.name() + "' has no exit code";
            if (container.exitCode() != 0) return "the essential container '" + container.name() + "' exited with " + container.exitCode();
        }
        return null;
    }

    /**
     * One container of a task.
     *
     * @param runtimeId the container's id in its runtime, also the last part of its metadata endpoint
     */
    record ContainerSnapshot(
            String name,
            String arn,
            String image,
            String imageDigest,
            String runtimeId,
            boolean essential,
            String lastStatus,
            String desiredStatus,
            Integer exitCode,
            String reason,
            int cpu,
            Integer memory,
            Integer memoryReservation,
            Instant startedAt,
            Instant finishedAt) {}
}
