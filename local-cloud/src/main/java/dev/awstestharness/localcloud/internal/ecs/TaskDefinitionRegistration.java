package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked RegisterTaskDefinition request: everything of the new revision but its number. The checks and messages
 * are ECS's; fields the local cloud does not act on (volumes, log configuration, port mappings, ...) are kept and
 * shown as registered.
 */
final class TaskDefinitionRegistration {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    private static final Set<String> COMPATIBILITIES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");
    private static final Pattern CPU_WITH_UNIT = Pattern.compile("(?i)\\s*([0-9.]+)\\s*vcpus?\\s*");
    private static final Pattern MEMORY_WITH_UNIT = Pattern.compile("(?i)\\s*([0-9.]+)\\s*(gb|gib|mb|mib)\\s*");

    final String family;
    final String networkMode;
    final String cpu;
    final String memory;
    final List<String> compatibilities;
    final List<ContainerDefinition> containers;
    /** The definition as it will be described, without ARN, revision, status and dates. */
    final ObjectNode description;
    final ArrayNode tags;

    private TaskDefinitionRegistration(String family, String networkMode, String cpu, String memory, List<String> compatibilities,
            List<ContainerDefinition> containers, ObjectNode description, ArrayNode tags) {
        this.family = family;
        this.networkMode = networkMode;
        this.cpu = cpu;
        this.memory = memory;
        this.compatibilities = compatibilities;
        this.containers = containers;
        this.description = description;
        this.tags = tags;
    }

    static TaskDefinitionRegistration of(EcsParams params) {
        String family = params.text("family");
        if (family == null || family.isBlank()) throw EcsErrors.client("Family can not be blank.");
        if (!NAME.matcher(family).matches()) {
            throw EcsErrors.client("Family contains invalid characters: up to 255 letters (uppercase and lowercase), numbers, "
                    + "hyphens and underscores are allowed, but it was '" + family + "'.");
        }
        String networkMode = params.text("networkMode");
        if (networkMode != null && !NETWORK_MODES.contains(networkMode)) {
            throw EcsErrors.client("Invalid networkMode '" + networkMode + "': must be one of bridge, host, awsvpc, none.");
        }
        List<String> required = params.strings("requiresCompatibilities");
        if (required == null) required = List.of();
        for (String compatibility : required) {
            if (!COMPATIBILITIES.contains(compatibility)) {
                throw EcsErrors.client("Invalid requiresCompatibilities value '" + compatibility + "': must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
            }
        }
        boolean fargate = required.contains("FARGATE");
        String cpu = units(params.text("cpu"), "cpu");
        String memory = units(params.text("memory"), "memory");

        List<ObjectNode> definitions = params.objects("containerDefinitions");
        if (definitions.isEmpty()) throw EcsErrors.client("Container list cannot be empty.");
        if (definitions.size() > 10) throw EcsErrors.client("Too many containers: a task definition can have at most 10, but it has " + definitions.size() + ".");
        List<ContainerDefinition> containers = new ArrayList<>();
        ArrayNode describedContainers = LocalJson.array();
        Set<String> names = new HashSet<>();
        for (ObjectNode definition : definitions) {
            ContainerDefinition container = container(definition, memory, fargate);
            if (!names.add(container.name())) throw EcsErrors.client("Container names must be unique: '" + container.name() + "' is used twice.");
            containers.add(container);
            describedContainers.add(describeContainer(definition, container));
        }
        if (containers.stream().noneMatch(ContainerDefinition::essential)) {
            throw EcsErrors.client("Task definition doesn't have any essential container.");
        }
        if (fargate) {
            if (networkMode == null || !networkMode.equals("awsvpc")) throw EcsErrors.client("Fargate only supports network mode ‘awsvpc’.");
            if (cpu == null) throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
            if (memory == null) throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
            if (!FargateSizes.valid(Integer.parseInt(cpu), Integer.parseInt(memory))) {
                throw EcsErrors.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory + " memory. "
                        + "See the Amazon ECS documentation for the valid values.");
            }
            for (ContainerDefinition container : containers) {
                if (container.stopTimeout().compareTo(Duration.ofSeconds(120)) > 0) {
                    throw EcsErrors.client("Tasks using the Fargate launch type must have a container stop timeout of less than 120 seconds.");
                }
            }
        }
        List<String> compatibilities = new ArrayList<>();
        compatibilities.add("EC2");
        if ("awsvpc".equals(networkMode)) {
            if (cpu != null && memory != null && FargateSizes.valid(Integer.parseInt(cpu), Integer.parseInt(memory))) compatibilities.add("FARGATE");
        } else {
            compatibilities.add("EXTERNAL");
        }

        ObjectNode description = LocalJson.object();
        description.set("containerDefinitions", describedContainers);
        description.put("family", family);
        copy(params.json(), description, "taskRoleArn", "executionRoleArn");
        if (networkMode != null) description.put("networkMode", networkMode);
        description.set("volumes", listOrEmpty(params.json(), "volumes"));
        description.set("placementConstraints", listOrEmpty(params.json(), "placementConstraints"));
        description.set("requiresAttributes", requiredAttributes(networkMode));
        ArrayNode compatibilityList = description.putArray("compatibilities");
        compatibilities.forEach(compatibilityList::add);
        copy(params.json(), description, "runtimePlatform", "requiresCompatibilities", "pidMode", "ipcMode", "proxyConfiguration",
                "inferenceAccelerators", "ephemeralStorage", "enableFaultInjection");
        if (cpu != null) description.put("cpu", cpu);
        if (memory != null) description.put("memory", memory);
        ArrayNode tags = params.present("tags") ? params.json().withArray("tags").deepCopy() : null;
        return new TaskDefinitionRegistration(family, networkMode, cpu, memory, List.copyOf(compatibilities), List.copyOf(containers),
                description, tags);
    }

    private static ContainerDefinition container(ObjectNode definition, String taskMemory, boolean fargate) {
        String name = EcsParams.text(definition, "name");
        if (name == null || name.isEmpty()) throw EcsErrors.client("Container.name should not be null or empty.");
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.client("Invalid container name '" + name + "': up to 255 letters (uppercase and lowercase), numbers, "
                    + "hyphens and underscores are allowed.");
        }
        String image = EcsParams.text(definition, "image");
        if (image == null || image.isEmpty()) throw EcsErrors.client("Container.image should not be null or empty.");
        Integer memory = EcsParams.integer(definition, "memory");
        Integer memoryReservation = EcsParams.integer(definition, "memoryReservation");
        if (taskMemory == null && memory == null && memoryReservation == null) {
            throw EcsErrors.client("Invalid setting for container '" + name + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
        if (memory != null && memoryReservation != null && memory < memoryReservation) {
            throw EcsErrors.client("Invalid setting for container '" + name + "'. 'memory' must be greater than or equal to 'memoryReservation'.");
        }
        Integer stopTimeout = EcsParams.integer(definition, "stopTimeout");
        Integer cpu = EcsParams.integer(definition, "cpu");
        JsonNode essential = definition.get("essential");
        if (essential != null && !essential.isNull() && !essential.isBoolean()) {
            throw EcsErrors.serialization("The value of 'essential' must be a boolean, but was: " + essential);
        }
        List<String> entryPoint = EcsParams.strings(definition, "entryPoint");
        List<String> command = EcsParams.strings(definition, "command");
        return new ContainerDefinition(name, image, essential == null || essential.isNull() || essential.booleanValue(),
                entryPoint == null ? List.of() : entryPoint, command == null ? List.of() : command,
                EcsParams.keyValuePairs(definition, "environment"),
                stopTimeout == null ? ContainerDefinition.DEFAULT_STOP_TIMEOUT : Duration.ofSeconds(Math.max(0, stopTimeout)),
                cpu == null ? 0 : cpu, memory, memoryReservation);
    }

    /** The container definition as registered, with ECS's defaults filled in. */
    private static ObjectNode describeContainer(ObjectNode definition, ContainerDefinition container) {
        ObjectNode described = definition.deepCopy();
        described.put("cpu", container.cpu());
        described.put("essential", container.essential());
        for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom", "systemControls")) {
            if (!described.has(list) || described.get(list).isNull()) described.putArray(list);
        }
        return described;
    }

    private static ArrayNode requiredAttributes(String networkMode) {
        ArrayNode attributes = LocalJson.array();
        if ("awsvpc".equals(networkMode)) {
            attributes.addObject().put("name", "com.amazonaws.ecs.capability.docker-remote-api.1.18");
            attributes.addObject().put("name", "ecs.capability.task-eni");
        }
        return attributes;
    }

    /**
     * Task-level CPU units or memory MiB as a string of digits; {@code "1 vCPU"} and {@code "2 GB"} are converted as ECS
     * converts them.
     */
    private static String units(String value, String field) {
        if (value == null) return null;
        String trimmed = value.trim();
        BigDecimal amount;
        try {
            Matcher withUnit = (field.equals("cpu") ? CPU_WITH_UNIT : MEMORY_WITH_UNIT).matcher(trimmed);
            if (withUnit.matches()) {
                amount = new BigDecimal(withUnit.group(1));
                boolean scaled = field.equals("cpu") || withUnit.group(2).toLowerCase(Locale.ROOT).startsWith("g");
                if (scaled) amount = amount.multiply(BigDecimal.valueOf(1024));
            } else {
                amount = new BigDecimal(trimmed);
            }
        } catch (NumberFormatException e) {
            throw EcsErrors.invalidParameter("Invalid '" + field + "' setting for task.");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0 || amount.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw EcsErrors.invalidParameter("Invalid '" + field + "' setting for task.");
        }
        return amount.toBigInteger().toString();
    }

    private static void copy(ObjectNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null && !value.isNull()) to.set(field, value.deepCopy());
        }
    }

    private static JsonNode listOrEmpty(ObjectNode from, String field) {
        JsonNode value = from.get(field);
        return value == null || value.isNull() ? LocalJson.array() : value.deepCopy();
    }
}
