package dev.awstestharness.asl;

import static dev.awstestharness.asl.Machines.eventTypes;
import static dev.awstestharness.asl.Machines.json;
import static dev.awstestharness.asl.Machines.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Distributed Maps: child executions, ItemReader over S3 objects and listings, ItemBatcher, ResultWriter. */
class DistributedMapTest {
    /** A stand-in for S3 behind the three resources a distributed Map uses. */
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final List<Execution> children = new CopyOnWriteArrayList<>();
    private final Interpreter interpreter = Interpreter.builder().waitScale(0).childExecutions(children::add)
            .integration("arn:aws:states:::s3:getObject", request -> {
                String body = objects.get(request.parameters().path("Bucket").asText() + "/" + request.parameters().path("Key").asText());
                if (body == null) throw new StatesError("S3.NoSuchKeyException", "The specified key does not exist.");
                return CompletableFuture.completedFuture(Machines.MAPPER.createObjectNode().put("Body", body));
            })
            .integration("arn:aws:states:::s3:listObjectsV2", request -> {
                // two keys per page, to exercise the continuation
                String prefix = request.parameters().path("Bucket").asText() + "/" + request.parameters().path("Prefix").asText("");
                List<String> keys = objects.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
                int start = request.parameters().path("ContinuationToken").asInt(0);
                ObjectNode page = Machines.MAPPER.createObjectNode();
                for (String key : keys.subList(start, Math.min(keys.size(), start + 2))) {
                    page.withArray("Contents").addObject().put("Key", key.substring(key.indexOf('/') + 1)).put("Size", objects.get(key).length())
                            .put("ETag", "\"e\"").put("LastModified", "2026-01-01T00:00:00Z").put("StorageClass", "STANDARD");
                }
                if (start + 2 < keys.size()) page.put("NextContinuationToken", String.valueOf(start + 2));
                return CompletableFuture.completedFuture(page);
            })
            .integration("arn:aws:states:::s3:putObject", request -> {
                objects.put(request.parameters().path("Bucket").asText() + "/" + request.parameters().path("Key").asText(),
                        request.parameters().path("Body").asText());
                return CompletableFuture.completedFuture(Machines.MAPPER.createObjectNode());
            })
            .build();

    @AfterEach
    void close() {
        interpreter.close();
    }

    private static String map(String fields, String processor) {
        return """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", %s
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                                    "StartAt": "Work", "States": {"Work": %s}},
                  "End": true}}}""".formatted(fields, processor);
    }

    private static final String DOUBLE = "{\"Type\": \"Pass\", \"Parameters\": {\"v.$\": \"States.MathAdd($.n, $.n)\"}, \"End\": true}";

    @Test
    void eachItemRunsAsAChildExecutionWithItsOwnArnAndHistory() {
        Execution execution = run(interpreter, map("\"ItemsPath\": \"$.items\", \"Label\": \"Doubling\",", DOUBLE),
                "{\"items\": [{\"n\": 1}, {\"n\": 2}]}");

        assertThat(execution.output()).isEqualTo(json("[{\"v\": 2}, {\"v\": 4}]"));
        assertThat(eventTypes(execution)).containsExactly("ExecutionStarted", "MapStateEntered", "MapRunStarted", "MapRunSucceeded",
                "MapStateExited", "ExecutionSucceeded");
        assertThat(execution.history().get(2).details().get("mapRunArn").asText())
                .startsWith("arn:aws:states:us-east-1:123456789012:mapRun:Machine/Doubling:");
        assertThat(children).hasSize(2).allSatisfy(child -> {
            assertThat(child.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:execution:Machine/Doubling:");
            assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(eventTypes(child)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        });
    }

    @Test
    void aFailedChildFailsTheMapRunUnlessTolerated() {
        String fail = "{\"Type\": \"Fail\", \"Error\": \"Bad\", \"Cause\": \"always\"}";

        Execution failed = run(interpreter, map("", fail), "[1, 2]");
        assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(eventTypes(failed)).contains("MapRunFailed");

        Execution tolerated = run(interpreter, map("\"ToleratedFailurePercentage\": 100,", fail), "[1, 2]");
        assertThat(tolerated.output()).isEqualTo(json("[{\"Error\": \"Bad\", \"Cause\": \"always\"}, {\"Error\": \"Bad\", \"Cause\": \"always\"}]"));
    }

    @Test
    void childrenDoNotSeeTheVariablesOfTheirParent() {
        Execution execution = run(interpreter, """
                {"StartAt": "Set", "States": {
                  "Set": {"Type": "Pass", "Assign": {"secret": 1}, "Next": "Each"},
                  "Each": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                           "StartAt": "Read", "States": {"Read": {"Type": "Pass", "Parameters": {"s.$": "$secret"}, "End": true}}},
                           "ToleratedFailureCount": 5, "End": true}}}""", "[1]");

        assertThat(execution.output().get(0).get("Error").asText()).isEqualTo("States.Runtime");
        assertThat(children.get(0).executionArn()).contains(":express:Machine/Each:");
    }

    @Test
    void anItemReaderReadsAJsonArrayObject() {
        objects.put("bucket/items.json", "[{\"n\": 5}, {\"n\": 6}, {\"n\": 7}]");

        Execution execution = run(interpreter, map("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "MaxItems": 2},
                               "Parameters": {"Bucket": "bucket", "Key.$": "$.key"}},""", DOUBLE), "{\"key\": \"items.json\"}");

        assertThat(execution.output()).isEqualTo(json("[{\"v\": 10}, {\"v\": 12}]"));
    }

    @Test
    void anItemReaderReadsCsvWithHeadersFromTheFirstRowOrGiven() {
        objects.put("bucket/rows.csv", "id,name\n1,\"Smith, Ann\"\n2,Bob\n");
        String echo = "{\"Type\": \"Pass\", \"End\": true}";

        Execution firstRow = run(interpreter, map("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                               "Parameters": {"Bucket": "bucket", "Key": "rows.csv"}},""", echo), "{}");
        assertThat(firstRow.output()).isEqualTo(json("[{\"id\": \"1\", \"name\": \"Smith, Ann\"}, {\"id\": \"2\", \"name\": \"Bob\"}]"));

        Execution given = run(interpreter, map("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                               "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": ["a", "b"]},
                               "Parameters": {"Bucket": "bucket", "Key": "rows.csv"}},""", echo), "{}");
        assertThat(given.output()).hasSize(3);
        assertThat(given.output().get(0)).isEqualTo(json("{\"a\": \"id\", \"b\": \"name\"}"));
    }

    @Test
    void anItemReaderReadsJsonLinesAndListings() {
        objects.put("bucket/in/lines.jsonl", "{\"n\": 1}\n{\"n\": 2}\n");
        objects.put("bucket/in/b.txt", "bb");
        objects.put("bucket/in/c.txt", "ccc");
        String echo = "{\"Type\": \"Pass\", \"End\": true}";

        Execution lines = run(interpreter, map("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
                               "Parameters": {"Bucket": "bucket", "Key": "in/lines.jsonl"}},""", DOUBLE), "{}");
        assertThat(lines.output()).isEqualTo(json("[{\"v\": 2}, {\"v\": 4}]"));

        Execution listing = run(interpreter, map("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "bucket", "Prefix": "in/"}},""", echo), "{}");
        assertThat(listing.output()).extracting(item -> item.get("Key").asText()).containsExactly("in/b.txt", "in/c.txt", "in/lines.jsonl");
        assertThat(listing.output().get(0).get("Size").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingObjectFailsTheMapWithItemReaderFailed() {
        Execution execution = run(interpreter, map("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
                               "Parameters": {"Bucket": "bucket", "Key": "nope.json"}},""", DOUBLE), "{}");

        assertThat(execution.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(execution.cause()).contains("S3.NoSuchKeyException");
    }

    @Test
    void anItemBatcherGroupsItemsWithItsBatchInput() {
        Execution execution = run(interpreter, map("""
                "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"run.$": "$.run"}}, "ItemsPath": "$.items",""",
                "{\"Type\": \"Pass\", \"Parameters\": {\"count.$\": \"States.ArrayLength($.Items)\", \"run.$\": \"$.BatchInput.run\"}, \"End\": true}"),
                "{\"run\": \"r-1\", \"items\": [1, 2, 3, 4, 5]}");

        assertThat(execution.output()).isEqualTo(json("[{\"count\": 2, \"run\": \"r-1\"}, {\"count\": 2, \"run\": \"r-1\"}, {\"count\": 1, \"run\": \"r-1\"}]"));
    }

    @Test
    void aResultWriterWritesTheResultFilesAndAManifest() {
        Execution execution = run(interpreter, map("""
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "runs"}},""", DOUBLE),
                "[{\"n\": 1}, {\"n\": 2}]");

        JsonNode details = execution.output().get("ResultWriterDetails");
        assertThat(details.get("Bucket").asText()).isEqualTo("results");
        String manifestKey = details.get("Key").asText();
        assertThat(manifestKey).matches("runs/[0-9a-f-]{36}/manifest\\.json");
        JsonNode manifest = json(objects.get("results/" + manifestKey));
        assertThat(manifest.get("MapRunArn").asText()).isEqualTo(execution.output().get("MapRunArn").asText());
        String succeededKey = manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText();
        JsonNode succeeded = json(objects.get("results/" + succeededKey));
        assertThat(succeeded).hasSize(2);
        assertThat(json(succeeded.get(0).get("Output").asText())).isEqualTo(json("{\"v\": 2}"));
        assertThat(succeeded.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
    }
}
