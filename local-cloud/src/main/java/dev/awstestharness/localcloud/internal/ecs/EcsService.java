package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsJsonService;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The ECS API (AWS JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.*}): clusters, task definitions
 * and tasks whose containers run in-process as the programs registered for their images.
 */
public final class EcsService implements AwsJsonService, AutoCloseable {
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";
    private static final Set<String> DESIRED_STATUSES = Set.of("RUNNING", "PENDING", "STOPPED");

    private final EcsConfig config;
    private final EcsArns arns;
    private final ClusterStore clusters;
    private final TaskDefinitionStore definitions;
    private final TaskStore tasks;
    private final TaskRuntime runtime;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Function<EcsParams, ObjectNode>> operations = new TreeMap<>();

    public EcsService(EcsConfig config) {
        this.config = config;
        this.arns = new EcsArns(config.region(), config.accountId());
        this.clusters = new ClusterStore(arns);
        this.definitions = new TaskDefinitionStore(arns);
        this.tasks = new TaskStore(config.maxStoppedTasks(), config.stoppedTaskRetention());
        this.runtime = new TaskRuntime(config.region(), config.images());
        long period = Math.max(50, Math.min(30_000, config.stoppedTaskRetention().toMillis() / 10));
        runtime.every(Duration.ofMillis(period), () -> tasks.evict(runtime.now()));

        operations.put("CreateCluster", this::createCluster);
        operations.put("DescribeClusters", this::describeClusters);
        operations.put("ListClusters", this::listClusters);
        operations.put("RegisterTaskDefinition", this::registerTaskDefinition);
        operations.put("DescribeTaskDefinition", this::describeTaskDefinition);
        operations.put("DeregisterTaskDefinition", this::deregisterTaskDefinition);
        operations.put("ListTaskDefinitions", this::listTaskDefinitions);
        operations.put("RunTask", params -> runTask(params).response());
        operations.put("DescribeTasks", this::describeTasks);
        operations.put("ListTasks", this::listTasks);
        operations.put("StopTask", this::stopTask);
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public CompletableFuture<ObjectNode> invoke(String operation, ObjectNode input) {
        Function<EcsParams, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The local ECS service does not support the operation '" + operation
                    + "'; it supports " + String.join(", ", operations.keySet()));
        }
        return CompletableFuture.completedFuture(handler.apply(new EcsParams(input)));
    }

    /** Tells the service where the local cloud listens: container metadata endpoints and {@code AWS_ENDPOINT_URL} use it. */
    public void endpoint(URI endpoint) {
        runtime.endpoint(endpoint);
    }

    public String region() {
        return config.region();
    }

    /** Tasks kept, running or stopped. */
    public int taskCount() {
        return tasks.size();
    }

    /** Stopped tasks kept; at most {@link EcsConfig#maxStoppedTasks()}. */
    public int stoppedTaskCount() {
        return tasks.stoppedCount();
    }

    /** Stops every task without waiting for its containers, and the timers. */
    @Override
    public void close() {
        for (EcsTask task : tasks.all()) task.abandon();
        runtime.close();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // For the Step Functions integration

    /** The outcome of RunTask: the response as the API returns it, and the tasks it started. */
    public record RunTaskResult(ObjectNode response, List<Task> tasks) {}

    /** A task started by {@link #runTask(ObjectNode)}, for callers in-process. */
    public static final class Task {
        private final EcsTask task;
        private final EcsService service;

        private Task(EcsTask task, EcsService service) {
            this.task = task;
            this.service = service;
        }

        public String arn() {
            return task.arn();
        }

        /** Completes, once the task is STOPPED, with its description as DescribeTasks returns it. */
        public CompletableFuture<StoppedTask> whenStopped() {
            return task.whenStopped().thenApply(snapshot -> new StoppedTask(
                    TaskDescriptions.describe(snapshot, false, service.region()), snapshot.failure()));
        }

        /** StopTask: stops the task unless it is already stopping. */
        public void stop(String reason) {
            task.stop("UserInitiated", reason);
        }
    }

    /**
     * A stopped task.
     *
     * @param description the task as DescribeTasks describes it
     * @param failure why it did not succeed (it failed to start, or an essential container exited with a code other than
     *     0), or {@code null}
     */
    public record StoppedTask(ObjectNode description, String failure) {}

    /**
     * RunTask with a request in the API's shape (camelCase).
     *
     * @throws AwsServiceException as the API would answer
     */
    public RunTaskResult runTask(ObjectNode request) {
        return runTask(new EcsParams(request));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clusters

    private ObjectNode createCluster(EcsParams params) {
        String name = params.text("clusterName");
        if (name == null || name.isEmpty()) name = ClusterStore.DEFAULT;
        if (!TaskDefinitionRegistration.NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Cluster name '" + name + "' is not valid: up to 255 letters (uppercase and lowercase), "
                    + "numbers, underscores, and hyphens are allowed.");
        }
        ArrayNode settings = params.present("settings") ? params.json().withArray("settings") : null;
        ArrayNode tags = params.present("tags") ? params.json().withArray("tags") : null;
        ArrayNode providers = params.present("capacityProviders") ? params.json().withArray("capacityProviders") : null;
        ArrayNode strategy = params.present("defaultCapacityProviderStrategy") ? params.json().withArray("defaultCapacityProviderStrategy") : null;
        Cluster cluster = clusters.createIfAbsent(name, settings, tags, providers, strategy);
        ObjectNode response = LocalJson.object();
        response.set("cluster", describeCluster(cluster, true, true));
        return response;
    }

    private ObjectNode describeClusters(EcsParams params) {
        List<String> identifiers = params.strings("clusters");
        if (identifiers == null || identifiers.isEmpty()) identifiers = List.of(ClusterStore.DEFAULT);
        List<String> include = params.strings("include");
        boolean settings = include != null && include.contains("SETTINGS");
        boolean tags = include != null && include.contains("TAGS");
        ObjectNode response = LocalJson.object();
        ArrayNode found = response.putArray("clusters");
        ArrayNode failures = response.putArray("failures");
        for (String identifier : identifiers) {
            String name = arns.clusterName(identifier);
            Cluster cluster = clusters.get(name);
            if (cluster == null) {
                failures.addObject().put("arn", arns.cluster(name)).put("reason", "MISSING");
            } else {
                found.add(describeCluster(cluster, settings, tags));
            }
        }
        return response;
    }

    private ObjectNode listClusters(EcsParams params) {
        ObjectNode response = LocalJson.object();
        ArrayNode list = response.putArray("clusterArns");
        clusters.all().forEach(cluster -> list.add(cluster.arn()));
        return response;
    }

    private ObjectNode describeCluster(Cluster cluster, boolean withSettings, boolean withTags) {
        int running = 0;
        int pending = 0;
        for (EcsTask task : tasks.all()) {
            if (!task.cluster().name().equals(cluster.name())) continue;
            String status = task.snapshot().lastStatus();
            if (status.equals("RUNNING")) running++;
            if (status.equals("PENDING") || status.equals("PROVISIONING")) pending++;
        }
        ObjectNode json = LocalJson.object();
        json.put("clusterArn", cluster.arn());
        json.put("clusterName", cluster.name());
        json.put("status", "ACTIVE");
        json.put("registeredContainerInstancesCount", 0);
        json.put("runningTasksCount", running);
        json.put("pendingTasksCount", pending);
        json.put("activeServicesCount", 0);
        json.putArray("statistics");
        json.set("tags", withTags ? cluster.tags().deepCopy() : LocalJson.array());
        json.set("settings", withSettings ? cluster.settings().deepCopy() : LocalJson.array());
        json.set("capacityProviders", cluster.capacityProviders().deepCopy());
        json.set("defaultCapacityProviderStrategy", cluster.defaultCapacityProviderStrategy().deepCopy());
        return json;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Task definitions

    private ObjectNode registerTaskDefinition(EcsParams params) {
        TaskDefinitionRegistration registration = TaskDefinitionRegistration.of(params);
        TaskDefinition definition = definitions.register(registration, runtime.now());
        ObjectNode response = LocalJson.object();
        response.set("taskDefinition", definition.describe());
        if (registration.tags != null) response.set("tags", registration.tags);
        return response;
    }

    private ObjectNode describeTaskDefinition(EcsParams params) {
        String identifier = params.text("taskDefinition");
        if (identifier == null || identifier.isBlank()) throw EcsErrors.client("Unable to describe task definition.");
        TaskDefinition definition = definitions.find(identifier);
        if (definition == null) throw EcsErrors.client("Unable to describe task definition.");
        ObjectNode response = LocalJson.object();
        response.set("taskDefinition", definition.describe());
        List<String> include = params.strings("include");
        if (include != null && include.contains("TAGS")) response.set("tags", definition.tags().deepCopy());
        return response;
    }

    private ObjectNode deregisterTaskDefinition(EcsParams params) {
        String identifier = params.text("taskDefinition");
        if (identifier == null || identifier.isBlank()) throw EcsErrors.client("TaskDefinition can not be blank.");
        if (arns.taskDefinition(identifier).indexOf(':') < 0) throw EcsErrors.client("Revision is missing.");
        TaskDefinition definition = definitions.find(identifier);
        if (definition == null) throw EcsErrors.client("The specified task definition does not exist.");
        ObjectNode response = LocalJson.object();
        response.set("taskDefinition", definitions.deregister(definition, runtime.now()).describe());
        return response;
    }

    private ObjectNode listTaskDefinitions(EcsParams params) {
        String status = params.text("status");
        if (status != null && !status.equals("ACTIVE") && !status.equals("INACTIVE")) {
            throw EcsErrors.invalidParameter("status '" + status + "' is not valid: it must be ACTIVE or INACTIVE.");
        }
        List<String> list = definitions.list(params.text("familyPrefix"), status == null || status.equals("ACTIVE"));
        if ("DESC".equals(params.text("sort"))) Collections.reverse(list);
        return page(params, list, "taskDefinitionArns", "taskDefinitions");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tasks

    private RunTaskResult runTask(EcsParams params) {
        RunTaskRequest request = RunTaskRequest.of(params, definitions, clusters);
        List<EcsTask> started = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            EcsTask task = new EcsTask(runtime, arns, request, sequence.incrementAndGet(), stopped -> tasks.stopped(stopped, runtime.now()));
            tasks.add(task);
            started.add(task);
        }
        ObjectNode response = LocalJson.object();
        ArrayNode described = response.putArray("tasks");
        for (EcsTask task : started) described.add(TaskDescriptions.describe(task.snapshot(), true, config.region()));
        response.putArray("failures");
        List<Task> handles = new ArrayList<>();
        for (EcsTask task : started) {
            task.start();
            handles.add(new Task(task, this));
        }
        return new RunTaskResult(response, handles);
    }

    private ObjectNode describeTasks(EcsParams params) {
        Cluster cluster = clusters.existing(params.text("cluster"));
        List<String> identifiers = params.strings("tasks");
        if (identifiers == null || identifiers.isEmpty()) throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        if (identifiers.size() > 100) throw EcsErrors.invalidParameter("Tasks can have at most 100 items, but it has " + identifiers.size() + ".");
        List<String> include = params.strings("include");
        boolean withTags = include != null && include.contains("TAGS");
        ObjectNode response = LocalJson.object();
        ArrayNode found = response.putArray("tasks");
        ArrayNode failures = response.putArray("failures");
        for (String identifier : identifiers) {
            EcsTask task = task(cluster, identifier);
            if (task == null) {
                failures.addObject().put("arn", identifier.startsWith("arn:") ? identifier : arns.task(cluster.name(), identifier)).put("reason", "MISSING");
            } else {
                found.add(TaskDescriptions.describe(task.snapshot(), withTags, config.region()));
            }
        }
        return response;
    }

    private ObjectNode listTasks(EcsParams params) {
        Cluster cluster = clusters.existing(params.text("cluster"));
        String family = params.text("family");
        String startedBy = params.text("startedBy");
        String launchType = params.text("launchType");
        String desiredStatus = params.text("desiredStatus");
        if (desiredStatus == null) desiredStatus = "RUNNING";
        if (!DESIRED_STATUSES.contains(desiredStatus)) {
            throw EcsErrors.invalidParameter("desiredStatus '" + desiredStatus + "' is not valid: it must be RUNNING, PENDING or STOPPED.");
        }
        List<String> list = new ArrayList<>();
        for (EcsTask task : tasks.all()) {
            if (!task.cluster().name().equals(cluster.name())) continue;
            TaskSnapshot snapshot = task.snapshot();
            if (!snapshot.desiredStatus().equals(desiredStatus)) continue;
            if (family != null && !snapshot.definition().family().equals(family)) continue;
            if (startedBy != null && !startedBy.equals(snapshot.request().startedBy())) continue;
            if (launchType != null && !launchType.equals(snapshot.request().launchType())) continue;
            list.add(snapshot.arn());
        }
        return page(params, list, "taskArns", "tasks");
    }

    private ObjectNode stopTask(EcsParams params) {
        Cluster cluster = clusters.existing(params.text("cluster"));
        String identifier = params.text("task");
        if (identifier == null || identifier.isBlank()) throw EcsErrors.invalidParameter("Task can not be blank.");
        EcsTask task = task(cluster, identifier);
        if (task == null) throw EcsErrors.invalidParameter("The referenced task was not found.");
        String reason = params.text("reason");
        task.stop("UserInitiated", reason == null || reason.isEmpty() ? "Task stopped by user" : reason);
        ObjectNode response = LocalJson.object();
        response.set("task", TaskDescriptions.describe(task.snapshot(), false, config.region()));
        return response;
    }

    /** The task an identifier (id or ARN) names in a cluster, or {@code null}. */
    private EcsTask task(Cluster cluster, String identifier) {
        String owner = arns.taskCluster(identifier);
        if (owner != null && !owner.equals(cluster.name())) return null;
        EcsTask task = tasks.get(arns.taskId(identifier));
        return task != null && task.cluster().name().equals(cluster.name()) ? task : null;
    }

    /** The task that a container belongs to, by the container's runtime id, for the metadata endpoint. */
    TaskSnapshot taskOfContainer(String runtimeId) {
        int dash = runtimeId.indexOf('-');
        EcsTask task = dash < 0 ? null : tasks.get(runtimeId.substring(0, dash));
        return task == null ? null : task.snapshot();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pagination

    private static ObjectNode page(EcsParams params, List<String> all, String field, String listName) {
        Integer maxResults = params.integer("maxResults");
        int max = maxResults == null ? 100 : maxResults;
        if (max < 1 || max > 100) throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        int from = 0;
        String token = params.text("nextToken");
        if (token != null) from = decodeToken(token, listName);
        ObjectNode response = LocalJson.object();
        ArrayNode page = response.putArray(field);
        for (int i = from; i < Math.min(all.size(), from + max); i++) page.add(all.get(i));
        if (from + max < all.size()) response.put("nextToken", encodeToken(listName, from + max));
        return response;
    }

    private static String encodeToken(String listName, int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((listName + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeToken(String token, String listName) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.startsWith(listName + ":")) throw new IllegalArgumentException();
            return Integer.parseInt(decoded.substring(listName.length() + 1));
        } catch (IllegalArgumentException e) {
            throw EcsErrors.invalidParameter("Invalid nextToken: '" + token + "' was not returned by a previous request of this list.");
        }
    }
}
