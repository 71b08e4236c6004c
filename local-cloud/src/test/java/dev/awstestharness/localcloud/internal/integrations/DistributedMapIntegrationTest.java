package dev.awstestharness.localcloud.internal.integrations;

import static dev.awstestharness.localcloud.internal.integrations.StateMachineRuns.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.LocalCloud;
import dev.awstestharness.localcloud.internal.s3.S3Clients;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A distributed Map reading its items from the local S3, writing its results there, with describable child executions. */
class DistributedMapIntegrationTest {
    private static LocalCloud cloud;
    private static StateMachineRuns runs;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        runs = new StateMachineRuns(cloud.endpoint());
        s3 = S3Clients.client(cloud.endpoint());
        s3.createBucket(r -> r.bucket("inputs"));
        s3.createBucket(r -> r.bucket("results"));
        s3.putObject(r -> r.bucket("inputs").key("orders.csv"), RequestBody.fromString("id,amount\no-1,10\no-2,32\n"));
    }

    @AfterAll
    static void stop() {
        runs.close();
        s3.close();
        cloud.close();
    }

    @Test
    void itemsAreReadFromS3AndResultsWrittenThereByDescribableChildExecutions() {
        DescribeExecutionResponse execution = runs.run("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map", "Label": "Orders",
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                                 "Parameters": {"Bucket": "inputs", "Key": "orders.csv"}},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                                    "StartAt": "Price", "States": {"Price": {"Type": "Pass",
                                      "Parameters": {"id.$": "$.id", "total.$": "States.MathAdd(States.StringToJson($.amount), 1)"}, "End": true}}},
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "priced"}},
                  "End": true}}}""", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = json(execution.output());
        String manifestKey = output.at("/ResultWriterDetails/Key").asText();
        JsonNode manifest = json(s3.getObjectAsBytes(r -> r.bucket("results").key(manifestKey)).asUtf8String());
        JsonNode succeeded = json(s3.getObjectAsBytes(r -> r.bucket("results").key(manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()))
                .asUtf8String());
        assertThat(succeeded).extracting(result -> json(result.get("Output").asText()))
                .containsExactlyInAnyOrder(json("{\"id\": \"o-1\", \"total\": 11}"), json("{\"id\": \"o-2\", \"total\": 33}"));

        String mapRunArn = output.get("MapRunArn").asText();
        List<ExecutionListItem> children = runs.sfn().listExecutions(r -> r.mapRunArn(mapRunArn)).executions();
        assertThat(children).hasSize(2).allSatisfy(child -> {
            assertThat(child.executionArn()).contains(":execution:").contains("/Orders:");
            assertThat(runs.sfn().describeExecution(r -> r.executionArn(child.executionArn())).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        });
        assertThat(runs.history(children.get(0).executionArn())).extracting(event -> event.typeAsString())
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }

    @Test
    void aMissingObjectFailsTheMapWithItemReaderFailedNamingTheS3Error() {
        DescribeExecutionResponse execution = runs.run("""
                {"StartAt": "Each", "States": {"Each": {"Type": "Map",
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
                                 "Parameters": {"Bucket": "inputs", "Key": "missing.json"}},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                                    "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
                  "End": true}}}""", "{}");

        assertThat(execution.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(execution.cause()).contains("S3.NoSuchKeyException");
    }
}
