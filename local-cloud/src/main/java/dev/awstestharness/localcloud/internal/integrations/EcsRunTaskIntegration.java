package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.ecs.EcsService;
import dev.awstestharness.localcloud.internal.ecs.JsonKeyCase;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::ecs:runTask}: RunTask with the Task's parameters (the RunTask request in PascalCase).
 * <ul>
 *   <li>request-response and {@code .waitForTaskToken} return the RunTask response ({@code Tasks}, {@code Failures},
 *       {@code SdkHttpMetadata}, {@code SdkResponseMetadata}) at once; the token reaches the task however the
 *       parameters pass it on, usually a container override's environment variable set from {@code $$.Task.Token};</li>
 *   <li>{@code .sync} waits until the task has STOPPED and returns it as DescribeTasks describes it; a task that failed to
 *       start, or whose essential container exited with a code other than 0, fails the state with
 *       {@code States.TaskFailed} and that description (as JSON) as the cause. When the state times out or its execution
 *       stops, the task is stopped.</li>
 * </ul>
 * Errors of the ECS API fail the state with {@code ECS.<exception name>} and the message in the AWS SDK's wording;
 * a RunTask response with failures fails {@code .sync} and {@code .waitForTaskToken} with {@code AmazonECS.Unknown}.
 */
public final class EcsRunTaskIntegration implements ServiceIntegration {
    public static final String RESOURCE = "arn:aws:states:::ecs:runTask";
    /** What Step Functions sets as {@code startedBy} of the tasks it runs with {@code .sync} when the parameters set none. */
    static final String STARTED_BY = "AWS Step Functions";
    static final String STOP_REASON = "The Step Functions task that ran this task timed out or its execution was stopped";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final EcsService ecs;

    public EcsRunTaskIntegration(EcsService ecs) {
        this.ecs = ecs;
    }

    @Override
    public Set<IntegrationPattern> patterns() {
        return EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.RUN_JOB, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        if (!(request.parameters() instanceof ObjectNode parameters)) {
            throw new StatesError(StatesErrors.RUNTIME, "The parameters of ecs:runTask must be an object with the RunTask request, but were "
                    + LocalJson.write(request.parameters()));
        }
        ObjectNode runTask = (ObjectNode) JsonKeyCase.camel(parameters);
        if (request.pattern() == IntegrationPattern.RUN_JOB && !runTask.hasNonNull("startedBy")) runTask.put("startedBy", STARTED_BY);
        EcsService.RunTaskResult result;
        try {
            result = ecs.runTask(runTask);
        } catch (AwsServiceException e) {
            throw new StatesError("ECS." + e.type(), e.getMessage() + " (Service: AmazonECS; Status Code: " + e.status() + "; Error Code: "
                    + e.type() + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
        }
        ArrayNode failures = (ArrayNode) result.response().get("failures");
        if (request.pattern() != IntegrationPattern.REQUEST_RESPONSE && !failures.isEmpty()) {
            throw new StatesError("AmazonECS.Unknown", LocalJson.write(JsonKeyCase.pascal(failures)));
        }
        if (request.pattern() != IntegrationPattern.RUN_JOB) {
            ObjectNode response = (ObjectNode) JsonKeyCase.pascal(result.response());
            response.withArray("Tasks").forEach(task -> addSdkListDefaults((ObjectNode) task));
            return CompletableFuture.completedFuture(SdkHttpMetadata.append(response, CONTENT_TYPE, UUID.randomUUID().toString(), Map.of()));
        }
        return awaitStopped(result.tasks());
    }

    /** The first task's description once every task has stopped; the first failed task fails the state. */
    private static CompletableFuture<JsonNode> awaitStopped(List<EcsService.Task> tasks) {
        List<CompletableFuture<EcsService.StoppedTask>> stops = new ArrayList<>();
        for (EcsService.Task task : tasks) stops.add(task.whenStopped());
        CompletableFuture<JsonNode> result = CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            ObjectNode first = null;
            for (CompletableFuture<EcsService.StoppedTask> stop : stops) {
                EcsService.StoppedTask stopped = stop.join();
                ObjectNode description = (ObjectNode) JsonKeyCase.pascal(stopped.description());
                addSdkListDefaults(description);
                if (stopped.failure() != null) throw new StatesError(StatesErrors.TASK_FAILED, LocalJson.write(description));
                if (first == null) first = description;
            }
            return first;
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) tasks.forEach(task -> task.stop(STOP_REASON));
        });
        return result;
    }

    /**
     * The empty lists that Step Functions shows where ECS sent none: it reads responses into AWS SDK for Java v1 objects,
     * whose list members are never absent.
     */
    private static void addSdkListDefaults(ObjectNode task) {
        for (String list : List.of("Attachments", "Attributes", "Containers", "InferenceAccelerators", "Tags")) {
            if (!task.has(list)) task.putArray(list);
        }
        for (JsonNode container : task.withArray("Containers")) {
            for (String list : List.of("GpuIds", "ManagedAgents", "NetworkBindings", "NetworkInterfaces")) {
                if (!container.has(list)) ((ObjectNode) container).putArray(list);
            }
        }
        JsonNode overrides = task.get("Overrides");
        if (overrides instanceof ObjectNode object) {
            for (JsonNode override : object.withArray("ContainerOverrides")) {
                for (String list : List.of("Command", "Environment", "EnvironmentFiles", "ResourceRequirements")) {
                    if (!override.has(list)) ((ObjectNode) override).putArray(list);
                }
            }
            if (!object.has("InferenceAcceleratorOverrides")) object.putArray("InferenceAcceleratorOverrides");
        }
    }
}
