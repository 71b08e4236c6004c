package dev.awstestharness.localcloud.internal.integrations;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.localcloud.LocalCloud;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients against a local cloud and a helper that runs a state machine through the Step Functions API. */
final class SqsAndDynamoDbClients implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));

    final SfnClient sfn;
    final SqsClient sqs;
    final DynamoDbClient dynamo;

    SqsAndDynamoDbClients(LocalCloud cloud) {
        sfn = SfnClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
        dynamo = DynamoDbClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    String start(String definition, String input) {
        String machine = sfn.createStateMachine(r -> r.name("machine-" + UUID.randomUUID()).definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/test")).stateMachineArn();
        return sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
    }

    /** Runs a definition and waits (at most 10 s) for the execution to end. */
    DescribeExecutionResponse run(String definition, String input) {
        return await(start(definition, input));
    }

    DescribeExecutionResponse await(String executionArn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) return described;
            if (System.nanoTime() > deadline) fail("Execution " + executionArn + " was still RUNNING after 10 s");
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** A one-state machine: the Task with the given resource and parameters (a JSON object text). */
    static String task(String resource, String parameters) {
        return "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":" + parameters
                + ",\"End\":true}}}";
    }

    @Override
    public void close() {
        sfn.close();
        sqs.close();
        dynamo.close();
    }
}
