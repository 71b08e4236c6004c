package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.integrations.StartExecutionIntegration;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.DistributedMap;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a distributed Map's results through the integration of its ResultWriter resource ({@code s3:putObject},
 * given {@code {Bucket, Key, Body}}), as AWS lays them out: {@code <Prefix>/<map run id>/SUCCEEDED_0.json},
 * {@code FAILED_0.json}, {@code PENDING_0.json} and a {@code manifest.json} listing them. Failures are
 * {@code States.ResultWriterFailed}.
 */
final class ResultWriting {
    private ResultWriting() {}

    static CompletableFuture<JsonNode> write(StateEntry entry, DistributedMap.ResultWriter writer, JsonNode parameters,
            MapRunIdentity identity, List<Execution> children) {
        EngineServices services = entry.run().services();
        ServiceIntegration integration = services.integrations().find(writer.resource()).orElseThrow(() -> new StatesError(
                StatesErrors.RESULT_WRITER_FAILED, "No service integration is registered for the ResultWriter resource '" + writer.resource()
                        + "'. Registered resources: " + services.integrations().describe()));
        String bucket = parameters.path("Bucket").asText();
        String prefix = parameters.path("Prefix").asText("");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix += "/";
        String folder = prefix + identity.mapRunId() + "/";
        Map<String, List<JsonNode>> byStatus = new LinkedHashMap<>();
        byStatus.put("FAILED", new ArrayList<>());
        byStatus.put("PENDING", new ArrayList<>());
        byStatus.put("SUCCEEDED", new ArrayList<>());
        for (Execution child : children) {
            String status = child.status() == ExecutionStatus.SUCCEEDED ? "SUCCEEDED"
                    : child.status() == ExecutionStatus.RUNNING ? "PENDING" : "FAILED";
            byStatus.get(status).add(transform(child, writer.transformation()));
        }
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", identity.mapRunArn());
        ObjectNode resultFiles = manifest.putObject("ResultFiles");
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, List<JsonNode>> status : byStatus.entrySet()) {
            ArrayNode files = resultFiles.putArray(status.getKey());
            if (status.getValue().isEmpty()) continue;
            String key = folder + status.getKey() + "_0." + (writer.outputType().equals("JSONL") ? "jsonl" : "json");
            String body = render(status.getValue(), writer.outputType());
            files.addObject().put("Key", key).put("Size", body.getBytes(StandardCharsets.UTF_8).length);
            written = written.thenCompose(ignored -> put(entry, integration, writer, bucket, key, body)).thenApply(ignored -> null);
        }
        String manifestKey = folder + "manifest.json";
        return written.thenCompose(ignored -> put(entry, integration, writer, bucket, manifestKey, Json.write(manifest)))
                .thenApply(ignored -> {
                    ObjectNode output = Json.object();
                    output.put("MapRunArn", identity.mapRunArn());
                    output.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", manifestKey);
                    return (JsonNode) output;
                })
                .exceptionally(failure -> {
                    Throwable error = GraphRunner.unwrap(failure);
                    String cause = error instanceof StatesError statesError ? statesError.error() + ": " + statesError.cause() : String.valueOf(error);
                    throw new StatesError(StatesErrors.RESULT_WRITER_FAILED, "The ResultWriter could not write the results: " + cause);
                });
    }

    /** A child as it appears in a result file: AWS's full description, or just its output (COMPACT, FLATTEN). */
    private static JsonNode transform(Execution child, String transformation) {
        if (transformation.equals("NONE")) return StartExecutionIntegration.describe(child, false);
        if (child.status() == ExecutionStatus.SUCCEEDED) return child.output();
        ObjectNode error = Json.object();
        if (child.error() != null) error.put("Error", child.error());
        if (child.cause() != null) error.put("Cause", child.cause());
        return error;
    }

    private static String render(List<JsonNode> results, String outputType) {
        if (outputType.equals("JSONL")) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode result : results) lines.append(Json.write(result)).append('\n');
            return lines.toString();
        }
        ArrayNode array = Json.NODES.arrayNode();
        results.forEach(array::add);
        return Json.write(array);
    }

    private static CompletableFuture<JsonNode> put(StateEntry entry, ServiceIntegration integration, DistributedMap.ResultWriter writer,
            String bucket, String key, String body) {
        ObjectNode parameters = Json.object();
        parameters.put("Bucket", bucket).put("Key", key).put("Body", body);
        try {
            return integration.invoke(new TaskRequest(writer.resource(), writer.resource(), IntegrationPattern.REQUEST_RESPONSE, parameters, null,
                    entry.run().request().executionArn(), entry.name(), null));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
