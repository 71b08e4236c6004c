package dev.awstestharness.localcloud.internal.ecs;

/**
 * The ARNs of ECS resources in this service's region and account, and the identifiers API callers may use instead
 * (a cluster's name, a task's id, a task definition's {@code family:revision}).
 */
final class EcsArns {
    private final String prefix;

    EcsArns(String region, String accountId) {
        this.prefix = "arn:aws:ecs:" + region + ":" + accountId + ":";
    }

    String cluster(String name) {
        return prefix + "cluster/" + name;
    }

    String task(String clusterName, String taskId) {
        return prefix + "task/" + clusterName + "/" + taskId;
    }

    String container(String clusterName, String taskId, String containerId) {
        return prefix + "container/" + clusterName + "/" + taskId + "/" + containerId;
    }

    String taskDefinition(String family, int revision) {
        return prefix + "task-definition/" + family + ":" + revision;
    }

    /**
     * The name in a cluster identifier: the name itself, or the part after {@code cluster/} of a cluster ARN; the
     * {@code default} cluster when blank.
     */
    String clusterName(String identifier) {
        if (identifier == null || identifier.isBlank()) return "default";
        return resource(identifier, "cluster");
    }

    /** The task id in a task identifier: the id itself, or the last part of a task ARN (old or new format). */
    String taskId(String identifier) {
        String resource = resource(identifier, "task");
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }

    /** The cluster name in a new-format task ARN, or {@code null} for a bare id. */
    String taskCluster(String identifier) {
        String resource = resource(identifier, "task");
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? null : resource.substring(0, slash);
    }

    /** {@code family} or {@code family:revision} from a task definition identifier or ARN. */
    String taskDefinition(String identifier) {
        return resource(identifier, "task-definition");
    }

    /** The resource part after {@code TYPE/} of an ECS ARN; a plain identifier as it is. */
    private String resource(String identifier, String type) {
        if (!identifier.startsWith("arn:")) return identifier;
        String[] parts = identifier.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("ecs") || !parts[5].startsWith(type + "/")) {
            throw EcsErrors.invalidParameter("Invalid identifier: " + identifier);
        }
        return parts[5].substring(type.length() + 1);
    }
}
