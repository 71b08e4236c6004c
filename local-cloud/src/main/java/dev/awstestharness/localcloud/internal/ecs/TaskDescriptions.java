package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Instant;

/** Tasks as the ECS API describes them (RunTask, DescribeTasks, StopTask): camelCase, timestamps in epoch seconds. */
final class TaskDescriptions {
    private TaskDescriptions() {}

    static ObjectNode describe(TaskSnapshot task, boolean includeTags, String region) {
        RunTaskRequest request = task.request();
        boolean fargate = request.launchType().equals("FARGATE");
        ObjectNode json = LocalJson.object();
        json.set("attachments", attachments(task, region));
        ArrayNode attributes = json.putArray("attributes");
        attributes.addObject().put("name", "ecs.cpu-architecture").put("value", architecture(task.definition()));
        json.put("availabilityZone", task.availabilityZone());
        if (request.capacityProviderName() != null) json.put("capacityProviderName", request.capacityProviderName());
        json.put("clusterArn", task.cluster().arn());
        if (task.connectivityAt() != null) {
            json.put("connectivity", "CONNECTED");
            time(json, "connectivityAt", task.connectivityAt());
        }
        ArrayNode containers = json.putArray("containers");
        for (TaskSnapshot.ContainerSnapshot container : task.containers()) containers.add(container(task, container));
        if (task.definition().cpu() != null) json.put("cpu", task.definition().cpu());
        time(json, "createdAt", task.createdAt());
        json.put("desiredStatus", task.desiredStatus());
        json.put("enableExecuteCommand", false);
        if (fargate) json.putObject("ephemeralStorage").put("sizeInGiB", 20);
        time(json, "executionStoppedAt", task.executionStoppedAt());
        json.put("group", request.group());
        json.put("healthStatus", "UNKNOWN");
        json.put("lastStatus", task.lastStatus());
        json.put("launchType", request.launchType());
        if (task.definition().memory() != null) json.put("memory", task.definition().memory());
        json.set("overrides", request.overridesDescription().deepCopy());
        if (fargate) {
            json.put("platformFamily", "Linux");
            json.put("platformVersion", request.platformVersion());
        }
        time(json, "pullStartedAt", task.pullStartedAt());
        time(json, "pullStoppedAt", task.pullStoppedAt());
        time(json, "startedAt", task.startedAt());
        if (request.startedBy() != null) json.put("startedBy", request.startedBy());
        if (task.stopCode() != null) json.put("stopCode", task.stopCode());
        time(json, "stoppedAt", task.stoppedAt());
        if (task.stoppedReason() != null) json.put("stoppedReason", task.stoppedReason());
        time(json, "stoppingAt", task.stoppingAt());
        json.set("tags", includeTags ? request.tags().deepCopy() : LocalJson.array());
        json.put("taskArn", task.arn());
        json.put("taskDefinitionArn", task.definition().arn());
        json.put("version", task.version());
        return json;
    }

    private static ObjectNode container(TaskSnapshot task, TaskSnapshot.ContainerSnapshot container) {
        ObjectNode json = LocalJson.object();
        json.put("containerArn", container.arn());
        json.put("cpu", String.valueOf(container.cpu()));
        if (container.exitCode() != null) json.put("exitCode", container.exitCode());
        json.put("healthStatus", "UNKNOWN");
        json.put("image", container.image());
        if (container.imageDigest() != null) json.put("imageDigest", container.imageDigest());
        json.put("lastStatus", container.lastStatus());
        if (container.memory() != null) json.put("memory", String.valueOf(container.memory()));
        if (container.memoryReservation() != null) json.put("memoryReservation", String.valueOf(container.memoryReservation()));
        json.put("name", container.name());
        json.putArray("networkBindings");
        ArrayNode interfaces = json.putArray("networkInterfaces");
        if (task.network() != null && container.startedAt() != null) {
            interfaces.addObject().put("attachmentId", task.network().attachmentId()).put("privateIpv4Address", task.network().privateIpv4Address());
        }
        if (container.reason() != null) json.put("reason", container.reason());
        if (container.startedAt() != null) json.put("runtimeId", container.runtimeId());
        json.put("taskArn", task.arn());
        return json;
    }

    private static ArrayNode attachments(TaskSnapshot task, String region) {
        ArrayNode attachments = LocalJson.array();
        TaskNetwork network = task.network();
        if (network == null) return attachments;
        ObjectNode attachment = attachments.addObject();
        attachment.put("id", network.attachmentId());
        ArrayNode details = LocalJson.array();
        details.addObject().put("name", "subnetId").put("value", network.subnets().get(0));
        if (task.lastStatus().equals("PROVISIONING")) {
            attachment.put("type", "ElasticNetworkInterface");
            attachment.put("status", "PRECREATED");
        } else {
            attachment.put("type", "eni");
            attachment.put("status", task.stopped() ? "DELETED" : "ATTACHED");
            details.addObject().put("name", "networkInterfaceId").put("value", network.networkInterfaceId());
            details.addObject().put("name", "macAddress").put("value", network.macAddress());
            details.addObject().put("name", "privateDnsName").put("value", network.privateDnsName(region));
            details.addObject().put("name", "privateIPv4Address").put("value", network.privateIpv4Address());
        }
        attachment.set("details", details);
        return attachments;
    }

    static String architecture(TaskDefinition definition) {
        ObjectNode platform = definition.description().has("runtimePlatform") && definition.description().get("runtimePlatform").isObject()
                ? (ObjectNode) definition.description().get("runtimePlatform") : null;
        return platform != null && "ARM64".equals(platform.path("cpuArchitecture").asText()) ? "arm64" : "x86_64";
    }

    private static void time(ObjectNode json, String field, Instant instant) {
        if (instant != null) json.put(field, LocalJson.epochSeconds(instant));
    }
}
