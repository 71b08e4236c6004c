package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.DistributedMap;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a distributed Map's items through the integration of its ItemReader resource: an S3 object
 * ({@code s3:getObject}, answering {@code {"Body": text}}) as a JSON array, JSON Lines or CSV, or the objects of a
 * bucket prefix ({@code s3:listObjectsV2}, answering a ListObjectsV2 result, followed page by page). Failures are
 * {@code States.ItemReaderFailed}.
 */
final class ItemReading {
    private ItemReading() {}

    static CompletableFuture<ArrayNode> read(StateEntry entry, DistributedMap.ItemReader reader, JsonNode parameters, long maxItems) {
        EngineServices services = entry.run().services();
        ServiceIntegration integration = services.integrations().find(reader.resource()).orElseThrow(() -> new StatesError(
                StatesErrors.ITEM_READER_FAILED, "No service integration is registered for the ItemReader resource '" + reader.resource()
                        + "'. Registered resources: " + services.integrations().describe()));
        CompletableFuture<ArrayNode> items = reader.resource().endsWith(":listObjectsV2")
                ? listObjects(entry, integration, reader, parameters, Json.NODES.arrayNode(), maxItems)
                : call(entry, integration, reader, parameters).thenApply(response -> parse(reader, parameters, response));
        return items.thenApply(all -> limit(all, maxItems)).exceptionally(failure -> {
            Throwable error = GraphRunner.unwrap(failure);
            if (error instanceof StatesError statesError && StatesErrors.ITEM_READER_FAILED.equals(statesError.error())) throw statesError;
            String cause = error instanceof StatesError statesError ? statesError.error() + ": " + statesError.cause() : String.valueOf(error);
            throw new StatesError(StatesErrors.ITEM_READER_FAILED, "The ItemReader could not read the items: " + cause);
        });
    }

    private static CompletableFuture<JsonNode> call(StateEntry entry, ServiceIntegration integration, DistributedMap.ItemReader reader,
            JsonNode parameters) {
        TaskRequest request = new TaskRequest(reader.resource(), reader.resource(), IntegrationPattern.REQUEST_RESPONSE, parameters, null,
                entry.run().request().executionArn(), entry.name(), null);
        try {
            return integration.invoke(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<ArrayNode> listObjects(StateEntry entry, ServiceIntegration integration, DistributedMap.ItemReader reader,
            JsonNode parameters, ArrayNode collected, long maxItems) {
        return call(entry, integration, reader, parameters).thenCompose(page -> {
            for (JsonNode object : page.path("Contents")) {
                ObjectNode item = Json.object();
                item.set("Etag", object.path("ETag"));
                item.set("Key", object.path("Key"));
                item.set("LastModified", object.path("LastModified"));
                item.set("Size", object.path("Size"));
                item.set("StorageClass", object.path("StorageClass"));
                collected.add(item);
            }
            JsonNode token = page.get("NextContinuationToken");
            if (token == null || token.isNull() || (maxItems > 0 && collected.size() >= maxItems)) {
                return CompletableFuture.completedFuture(collected);
            }
            ObjectNode next = parameters.deepCopy();
            next.set("ContinuationToken", token);
            return listObjects(entry, integration, reader, next, collected, maxItems);
        });
    }

    private static ArrayNode parse(DistributedMap.ItemReader reader, JsonNode parameters, JsonNode response) {
        JsonNode body = response.get("Body");
        if (body == null || !body.isTextual()) {
            throw new StatesError(StatesErrors.ITEM_READER_FAILED, "The ItemReader got no object body for " + Json.abbreviate(parameters));
        }
        String text = body.textValue();
        String where = "the object " + parameters.path("Bucket").asText() + "/" + parameters.path("Key").asText();
        return switch (reader.inputType()) {
            case "JSON" -> {
                JsonNode value = readJson(text, where);
                if (!value.isArray()) {
                    throw new StatesError(StatesErrors.ITEM_READER_FAILED, "Attempting to map over non-iterable node: " + where + " is not a JSON array");
                }
                yield (ArrayNode) value;
            }
            case "JSONL" -> {
                ArrayNode items = Json.NODES.arrayNode();
                for (String line : text.split("\r?\n")) {
                    if (!line.isBlank()) items.add(readJson(line, where));
                }
                yield items;
            }
            default -> csv(reader, text);
        };
    }

    private static ArrayNode csv(DistributedMap.ItemReader reader, String text) {
        List<List<String>> rows = CsvRows.parse(text, CsvRows.delimiter(reader.csvDelimiter()));
        List<String> headers = reader.csvHeaderLocation().equals("GIVEN") ? reader.csvHeaders() : rows.isEmpty() ? List.of() : rows.get(0);
        ArrayNode items = Json.NODES.arrayNode();
        for (int r = reader.csvHeaderLocation().equals("GIVEN") ? 0 : 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            ObjectNode item = Json.object();
            for (int c = 0; c < headers.size(); c++) item.put(headers.get(c), c < row.size() ? row.get(c) : "");
            items.add(item);
        }
        return items;
    }

    private static JsonNode readJson(String text, String where) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StatesError(StatesErrors.ITEM_READER_FAILED, where + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ArrayNode limit(ArrayNode items, long maxItems) {
        if (maxItems <= 0 || items.size() <= maxItems) return items;
        ArrayNode limited = Json.NODES.arrayNode();
        for (int i = 0; i < maxItems; i++) limited.add(items.get(i));
        return limited;
    }
}
