package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked RunTask request, with the checks and messages of ECS: the task definition first, then the cluster, the
 * launch type, the network configuration and the overrides.
 *
 * @param overridesDescription {@code overrides} as tasks describe them: one container override per container
 * @param network the {@code awsvpcConfiguration}, or {@code null} for other network modes
 */
record RunTaskRequest(
        Cluster cluster,
        TaskDefinition definition,
        int count,
        String launchType,
        String capacityProviderName,
        String platformVersion,
        AwsvpcConfiguration network,
        Map<String, ContainerOverride> overrides,
        ObjectNode overridesDescription,
        String startedBy,
        String group,
        ArrayNode tags) {

    private static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL");

    /** {@code networkConfiguration.awsvpcConfiguration} */
    record AwsvpcConfiguration(List<String> subnets, List<String> securityGroups, String assignPublicIp) {}

    static RunTaskRequest of(EcsParams params, TaskDefinitionStore definitions, ClusterStore clusters) {
        String identifier = params.text("taskDefinition");
        if (identifier == null || identifier.isBlank()) throw EcsErrors.invalidParameter("TaskDefinition can not be blank.");
        TaskDefinition definition = definitions.find(identifier);
        if (definition == null) throw EcsErrors.client("TaskDefinition not found.");
        if (!definition.active()) throw EcsErrors.client("TaskDefinition is inactive");
        Cluster cluster = clusters.existing(params.text("cluster"));

        Integer count = params.integer("count");
        if (count == null) count = 1;
        if (count < 1 || count > 10) throw EcsErrors.invalidParameter("Count must be between 1 and 10.");

        String launchType = params.text("launchType");
        List<ObjectNode> strategy = params.objects("capacityProviderStrategy");
        String capacityProvider = null;
        if (launchType != null && !strategy.isEmpty()) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }
        if (launchType != null && !LAUNCH_TYPES.contains(launchType)) {
            throw EcsErrors.invalidParameter("launchType '" + launchType + "' is not valid: it must be one of EC2, FARGATE, EXTERNAL.");
        }
        if (!strategy.isEmpty()) {
            capacityProvider = EcsParams.text(strategy.get(0), "capacityProvider");
            if (!"FARGATE".equals(capacityProvider) && !"FARGATE_SPOT".equals(capacityProvider)) {
                throw EcsErrors.invalidParameter("The specified capacity provider strategy cannot contain a capacity provider that is not "
                        + "associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity "
                        + "provider and try again.");
            }
            launchType = "FARGATE";
        }
        if (launchType == null) launchType = "EC2";
        boolean fargate = launchType.equals("FARGATE");
        if (!definition.compatibilities().contains(launchType)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type " + launchType + ".");
        }
        String platformVersion = params.text("platformVersion");
        if (fargate && (platformVersion == null || platformVersion.equals("LATEST"))) platformVersion = "1.4.0";

        AwsvpcConfiguration network = network(params, definition, fargate);
        Map<String, ContainerOverride> overrides = new LinkedHashMap<>();
        ObjectNode overridesDescription = overrides(params.object("overrides"), definition, overrides);
        String group = params.text("group");
        return new RunTaskRequest(cluster, definition, count, launchType, capacityProvider, fargate ? platformVersion : null, network,
                overrides, overridesDescription, params.text("startedBy"), group == null ? "family:" + definition.family() : group,
                params.present("tags") ? params.json().withArray("tags").deepCopy() : LocalJson.array());
    }

    private static AwsvpcConfiguration network(EcsParams params, TaskDefinition definition, boolean fargate) {
        ObjectNode configuration = params.object("networkConfiguration");
        ObjectNode awsvpc = configuration == null ? null : EcsParams.object(configuration, "awsvpcConfiguration");
        if (!definition.awsvpc()) {
            if (awsvpc != null) throw EcsErrors.invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
            return null;
        }
        if (awsvpc == null) throw EcsErrors.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        List<String> subnets = EcsParams.strings(awsvpc, "subnets");
        if (subnets == null || subnets.isEmpty()) throw EcsErrors.invalidParameter("subnets can not be empty.");
        if (subnets.size() > 16) throw EcsErrors.invalidParameter("At most 16 subnets can be specified, but " + subnets.size() + " were.");
        List<String> securityGroups = EcsParams.strings(awsvpc, "securityGroups");
        if (securityGroups != null && securityGroups.size() > 5) {
            throw EcsErrors.invalidParameter("At most 5 security groups can be specified, but " + securityGroups.size() + " were.");
        }
        String assignPublicIp = EcsParams.text(awsvpc, "assignPublicIp");
        if (assignPublicIp != null && !assignPublicIp.equals("ENABLED") && !assignPublicIp.equals("DISABLED")) {
            throw EcsErrors.invalidParameter("assignPublicIp '" + assignPublicIp + "' is not valid: it must be ENABLED or DISABLED.");
        }
        if ("ENABLED".equals(assignPublicIp) && !fargate) throw EcsErrors.invalidParameter("Assign public IP is not supported for this launch type.");
        return new AwsvpcConfiguration(subnets, securityGroups == null ? List.of() : securityGroups,
                assignPublicIp == null ? "DISABLED" : assignPublicIp);
    }

    /** Checks the container overrides and collects them; returns {@code overrides} as tasks describe it. */
    private static ObjectNode overrides(ObjectNode overrides, TaskDefinition definition, Map<String, ContainerOverride> collected) {
        ObjectNode described = overrides == null ? LocalJson.object() : overrides.deepCopy();
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode override : overrides == null ? List.<ObjectNode>of() : EcsParams.objects(overrides, "containerOverrides")) {
            String name = EcsParams.text(override, "name");
            if (name == null || definition.container(name) == null) {
                throw EcsErrors.invalidParameter("Override for container named " + name + " is not a container in the TaskDefinition.");
            }
            if (byName.containsKey(name)) throw EcsErrors.invalidParameter("Container override names must be unique: '" + name + "' is overridden twice.");
            byName.put(name, override.deepCopy());
            collected.put(name, new ContainerOverride(name, EcsParams.strings(override, "command"), EcsParams.keyValuePairs(override, "environment")));
        }
        ArrayNode containerOverrides = described.putArray("containerOverrides");
        for (ContainerDefinition container : definition.containers()) {
            ObjectNode override = byName.get(container.name());
            containerOverrides.add(override != null ? override : LocalJson.object().put("name", container.name()));
        }
        if (!described.has("inferenceAcceleratorOverrides")) described.putArray("inferenceAcceleratorOverrides");
        return described;
    }
}
