package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.HttpRequest;
import dev.awstestharness.localcloud.internal.http.HttpResponse;
import dev.awstestharness.localcloud.internal.http.Route;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The task metadata endpoint version 4 of every local container, on the local cloud's port:
 * {@code GET /_ecs-metadata/v4/<container runtime id>} for the container and {@code .../task} for its task. On AWS the
 * endpoint is {@code http://169.254.170.2/v4/<id>}; programs find it in {@code ECS_CONTAINER_METADATA_URI_V4} either way.
 * The leading underscore keeps the path apart from S3's path-style requests: no bucket name can start with one.
 */
public final class TaskMetadataRoute implements Route {
    public static final String PATH = "/_ecs-metadata/v4/";

    private final EcsService ecs;

    public TaskMetadataRoute(EcsService ecs) {
        this.ecs = ecs;
    }

    @Override
    public boolean matches(HttpRequest request) {
        return request.path().startsWith(PATH) && request.header("X-Amz-Target") == null;
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
        if (!request.method().equals("GET")) return respond(405, message("The task metadata endpoint answers GET only"));
        String rest = request.path().substring(PATH.length());
        int slash = rest.indexOf('/');
        String runtimeId = slash < 0 ? rest : rest.substring(0, slash);
        String document = slash < 0 ? "" : rest.substring(slash);
        TaskSnapshot task = ecs.taskOfContainer(runtimeId);
        TaskSnapshot.ContainerSnapshot container = task == null ? null : task.container(runtimeId);
        if (container == null) {
            return respond(404, message("No container with the id '" + runtimeId + "' is known (its task may have stopped too long ago)"));
        }
        return switch (document) {
            case "", "/" -> respond(200, TaskMetadataDocuments.container(task, container, ecs.region()));
            case "/task", "/task/" -> respond(200, TaskMetadataDocuments.task(task, ecs.region(), Instant.now()));
            default -> respond(404, message("The local task metadata endpoint serves the container (" + PATH + runtimeId + ") and the task ("
                    + PATH + runtimeId + "/task) documents only, not '" + document + "'"));
        };
    }

    private static ObjectNode message(String text) {
        return LocalJson.object().put("message", text);
    }

    private static CompletableFuture<HttpResponse> respond(int status, JsonNode body) {
        return CompletableFuture.completedFuture(HttpResponse.json(status, "application/json", body));
    }
}
