package dev.awstestharness.localcloud.internal.ecs;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of a task definition, as far as running it needs.
 *
 * @param environment the definition's variables in their order
 * @param stopTimeout how long a container may take to exit after the stop signal before it is killed
 */
record ContainerDefinition(
        String name,
        String image,
        boolean essential,
        List<String> entryPoint,
        List<String> command,
        Map<String, String> environment,
        Duration stopTimeout,
        int cpu,
        Integer memory,
        Integer memoryReservation) {

    /** ECS's default: 30 seconds between SIGTERM and SIGKILL. */
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    ContainerDefinition {
        entryPoint = List.copyOf(entryPoint);
        command = List.copyOf(command);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
