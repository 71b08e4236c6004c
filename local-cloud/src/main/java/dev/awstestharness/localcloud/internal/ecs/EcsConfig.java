package dev.awstestharness.localcloud.internal.ecs;

import dev.awstestharness.localcloud.ContainerProgram;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the local ECS service behaves.
 *
 * @param images the program each container image runs; a task whose image has none fails to start
 * @param maxStoppedTasks stopped tasks kept for DescribeTasks and ListTasks; older ones are dropped beyond it
 * @param stoppedTaskRetention how long a stopped task is kept at most (ECS: about an hour)
 */
public record EcsConfig(
        String region,
        String accountId,
        Map<String, ContainerProgram> images,
        int maxStoppedTasks,
        Duration stoppedTaskRetention) {

    public static final int DEFAULT_MAX_STOPPED_TASKS = 1_000;
    public static final Duration DEFAULT_STOPPED_TASK_RETENTION = Duration.ofHours(1);

    public EcsConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(stoppedTaskRetention, "stoppedTaskRetention");
        images = Map.copyOf(images);
        if (maxStoppedTasks < 0) throw new IllegalArgumentException("maxStoppedTasks must be 0 or more but was " + maxStoppedTasks);
        if (stoppedTaskRetention.isNegative()) {
            throw new IllegalArgumentException("stoppedTaskRetention must not be negative but was " + stoppedTaskRetention);
        }
    }
}
