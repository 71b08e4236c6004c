package dev.awstestharness.example;

import static dev.awstestharness.example.ExampleInputs.input;
import static dev.awstestharness.harness.Json.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.DynamoDbTable;
import dev.awstestharness.harness.S3Bucket;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.TestHarness;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The DynamoDB table and S3 bucket doubles, read and written by the state machine (scenarios 5 and 6). */
@AwsTestHarness(template = "template.yaml")
class DataDoublesTest {
    TestHarness harness;

    @Test
    void processesAnItemFromTheFirstTableIntoTheSecond() {
        DynamoDbTable firstTable = harness.dynamoDbTable("First");
        DynamoDbTable secondTable = harness.dynamoDbTable("Second");
        String firstKey = UUID.randomUUID().toString();
        String sortKey = UUID.randomUUID().toString();
        String secondKey = UUID.randomUUID().toString();
        firstTable.put(Map.of("PK", firstKey, "SK", sortKey, "message", "Hello World!"));

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine").execute(input("DYNAMODB", Map.of(
                "firstKey", firstKey,
                "sortKey", sortKey,
                "secondKey", secondKey,
                "textToAppend", " - Processed")));

        execution.assertSucceeded();
        assertThat(secondTable.get(Map.of("ID", secondKey)))
                .isEqualTo(toJson(Map.of("ID", secondKey, "message", "Hello World! - Processed")));
    }

    @Test
    void processesAnObjectFromTheFirstBucketIntoTheSecond() {
        S3Bucket firstBucket = harness.s3Bucket("First");
        S3Bucket secondBucket = harness.s3Bucket("Second");
        String firstKey = "input/" + UUID.randomUUID() + ".txt";
        String secondKey = "output/" + UUID.randomUUID() + ".txt";
        firstBucket.put(firstKey, "Hello S3 World!");

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine").execute(input("S3", Map.of(
                "firstKey", firstKey,
                "secondKey", secondKey,
                "textToAppend", " - Processed")));

        execution.assertSucceeded();
        // aws-sdk:s3:putObject writes a string Body as its JSON text, quotes included, as Step Functions does on AWS
        assertThat(secondBucket.get(secondKey)).isEqualTo("\"Hello S3 World! - Processed\"");
        assertThat(secondBucket.list("output/")).contains(secondKey);
    }
}
