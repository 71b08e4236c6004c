package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Instant;

/**
 * The documents of the task metadata endpoint version 4, in the shapes ECS documents for Fargate (and for the EC2
 * launch type, where the cluster is named instead of identified by ARN and Docker names its containers).
 */
final class TaskMetadataDocuments {
    private TaskMetadataDocuments() {}

    /** {@code GET ${ECS_CONTAINER_METADATA_URI_V4}} */
    static ObjectNode container(TaskSnapshot task, TaskSnapshot.ContainerSnapshot container, String region) {
        boolean fargate = task.request().launchType().equals("FARGATE");
        ObjectNode json = LocalJson.object();
        json.put("DockerId", container.runtimeId());
        json.put("Name", container.name());
        json.put("DockerName", fargate ? container.name()
                : "ecs-" + task.definition().family() + "-" + task.definition().revision() + "-" + container.name() + "-" + task.id().substring(0, 20));
        json.put("Image", container.image());
        json.put("ImageID", container.imageDigest() == null ? "" : container.imageDigest());
        ObjectNode labels = json.putObject("Labels");
        labels.put("com.amazonaws.ecs.cluster", fargate ? task.cluster().arn() : task.cluster().name());
        labels.put("com.amazonaws.ecs.container-name", container.name());
        labels.put("com.amazonaws.ecs.task-arn", task.arn());
        labels.put("com.amazonaws.ecs.task-definition-family", task.definition().family());
        labels.put("com.amazonaws.ecs.task-definition-version", String.valueOf(task.definition().revision()));
        json.put("DesiredStatus", container.desiredStatus());
        json.put("KnownStatus", container.lastStatus());
        ObjectNode limits = json.putObject("Limits");
        limits.put("CPU", container.cpu());
        limits.put("Memory", container.memory() != null ? container.memory() : container.memoryReservation() != null ? container.memoryReservation() : 0);
        time(json, "CreatedAt", task.createdAt());
        time(json, "StartedAt", container.startedAt());
        time(json, "FinishedAt", container.finishedAt());
        if (container.exitCode() != null) json.put("ExitCode", container.exitCode());
        json.put("Type", "NORMAL");
        json.put("ContainerARN", container.arn());
        json.set("Networks", networks(task, region));
        return json;
    }

    /** {@code GET ${ECS_CONTAINER_METADATA_URI_V4}/task} */
    static ObjectNode task(TaskSnapshot task, String region, Instant now) {
        boolean fargate = task.request().launchType().equals("FARGATE");
        ObjectNode json = LocalJson.object();
        json.put("Cluster", fargate ? task.cluster().arn() : task.cluster().name());
        json.put("TaskARN", task.arn());
        json.put("Family", task.definition().family());
        json.put("Revision", String.valueOf(task.definition().revision()));
        json.put("DesiredStatus", task.desiredStatus());
        json.put("KnownStatus", knownStatus(task.lastStatus()));
        if (task.definition().cpu() != null || task.definition().memory() != null) {
            ObjectNode limits = json.putObject("Limits");
            if (task.definition().cpu() != null) limits.put("CPU", Integer.parseInt(task.definition().cpu()) / 1024.0);
            if (task.definition().memory() != null) limits.put("Memory", Integer.parseInt(task.definition().memory()));
        }
        time(json, "PullStartedAt", task.pullStartedAt());
        time(json, "PullStoppedAt", task.pullStoppedAt());
        json.put("AvailabilityZone", task.availabilityZone());
        json.put("LaunchType", task.request().launchType());
        ArrayNode containers = json.putArray("Containers");
        for (TaskSnapshot.ContainerSnapshot container : task.containers()) containers.add(container(task, container, region));
        ObjectNode clock = json.putObject("ClockDrift");
        clock.put("ClockErrorBound", 0.5);
        clock.put("ReferenceTimestamp", now.toString());
        clock.put("ClockSynchronizationStatus", "SYNCHRONIZED");
        if (fargate) json.putObject("EphemeralStorageMetrics").put("Utilized", 0).put("Reserved", 20_496);
        return json;
    }

    private static ArrayNode networks(TaskSnapshot task, String region) {
        ArrayNode networks = LocalJson.array();
        TaskNetwork network = task.network();
        if (network == null) {
            ObjectNode bridge = networks.addObject();
            bridge.put("NetworkMode", "bridge");
            bridge.putArray("IPv4Addresses").add("172.17.0.2");
            return networks;
        }
        ObjectNode awsvpc = networks.addObject();
        awsvpc.put("NetworkMode", "awsvpc");
        awsvpc.putArray("IPv4Addresses").add(network.privateIpv4Address());
        awsvpc.put("AttachmentIndex", 0);
        awsvpc.put("MACAddress", network.macAddress());
        awsvpc.put("IPv4SubnetCIDRBlock", "10.0.0.0/16");
        awsvpc.putArray("DomainNameServers").add("10.0.0.2");
        awsvpc.putArray("DomainNameSearchList").add(region + ".compute.internal");
        awsvpc.put("PrivateDNSName", network.privateDnsName(region));
        awsvpc.put("SubnetGatewayIpv4Address", "10.0.0.1/16");
        return networks;
    }

    private static String knownStatus(String lastStatus) {
        return switch (lastStatus) {
            case "PROVISIONING" -> "NONE";
            case "PENDING" -> "PULLED";
            case "DEPROVISIONING" -> "STOPPED";
            default -> lastStatus;
        };
    }

    private static void time(ObjectNode json, String field, Instant instant) {
        if (instant != null) json.put(field, instant.toString());
    }
}
