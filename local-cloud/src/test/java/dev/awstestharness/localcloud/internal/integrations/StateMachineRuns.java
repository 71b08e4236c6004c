package dev.awstestharness.localcloud.internal.integrations;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Runs state machine definitions through the Step Functions API of a local cloud, for the integration tests. */
final class StateMachineRuns {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn;

    StateMachineRuns(URI endpoint) {
        this.sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    SfnClient sfn() {
        return sfn;
    }

    String start(String definition, String input) {
        String machine = sfn.createStateMachine(r -> r.name("machine-" + UUID.randomUUID()).definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/sfn")).stateMachineArn();
        return sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
    }

    DescribeExecutionResponse run(String definition, String input) {
        return await(start(definition, input));
    }

    DescribeExecutionResponse await(String executionArn) {
        Duration timeout = Duration.ofSeconds(10);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) return described;
            if (System.nanoTime() > deadline) fail("Execution " + executionArn + " was still RUNNING after " + timeout);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    List<HistoryEvent> history(String executionArn) {
        return sfn.getExecutionHistory(r -> r.executionArn(executionArn)).events();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }

    void close() {
        sfn.close();
    }
}
