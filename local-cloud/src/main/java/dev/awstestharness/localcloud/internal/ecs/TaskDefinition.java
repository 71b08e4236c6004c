package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Instant;
import java.util.List;

/**
 * One revision of a task definition family.
 *
 * @param description the definition as DescribeTaskDefinition shows it, without its status
 * @param compatibilities the launch types it can run with ({@code EC2}, {@code FARGATE}, {@code EXTERNAL})
 * @param cpu the task-level CPU units, or {@code null}
 * @param memory the task-level memory in MiB, or {@code null}
 * @param tags the tags RegisterTaskDefinition received
 */
record TaskDefinition(
        String arn,
        String family,
        int revision,
        boolean active,
        String networkMode,
        List<String> compatibilities,
        String cpu,
        String memory,
        List<ContainerDefinition> containers,
        ObjectNode description,
        ArrayNode tags,
        Instant registeredAt,
        Instant deregisteredAt) {

    TaskDefinition {
        compatibilities = List.copyOf(compatibilities);
        containers = List.copyOf(containers);
    }

    boolean awsvpc() {
        return "awsvpc".equals(networkMode);
    }

    ContainerDefinition container(String name) {
        for (ContainerDefinition container : containers) {
            if (container.name().equals(name)) return container;
        }
        return null;
    }

    TaskDefinition deregistered(Instant when) {
        return new TaskDefinition(arn, family, revision, false, networkMode, compatibilities, cpu, memory, containers, description,
                tags, registeredAt, when);
    }

    /** The definition as the ECS API describes it (camelCase, timestamps in epoch seconds). */
    ObjectNode describe() {
        ObjectNode json = description.deepCopy();
        json.put("status", active ? "ACTIVE" : "INACTIVE");
        json.put("registeredAt", LocalJson.epochSeconds(registeredAt));
        if (deregisteredAt != null) json.put("deregisteredAt", LocalJson.epochSeconds(deregisteredAt));
        return json;
    }
}
