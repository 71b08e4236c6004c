package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** The real AWS SDK client against a local cloud, and small helpers the tests share. */
final class Sfn {
    static final String ROLE = "arn:aws:iam::123456789012:role/test";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Sfn() {}

    static SfnClient client(LocalCloud cloud) {
        return client(cloud.endpoint());
    }

    static SfnClient client(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                // StartSyncExecution's endpoint is "sync-" + host on AWS; a loopback endpoint must not be prefixed.
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String create(SfnClient sfn, String definition) {
        return create(sfn, definition, StateMachineType.STANDARD);
    }

    static String create(SfnClient sfn, String definition, StateMachineType type) {
        return sfn.createStateMachine(r -> r.name(uniqueName("machine")).definition(definition).roleArn(ROLE).type(type)).stateMachineArn();
    }

    static String start(SfnClient sfn, String stateMachineArn, String input) {
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).input(input)).executionArn();
    }

    /** Polls DescribeExecution until the execution has ended. */
    static DescribeExecutionResponse await(SfnClient sfn, String executionArn) {
        return await(sfn, executionArn, Duration.ofSeconds(10));
    }

    static DescribeExecutionResponse await(SfnClient sfn, String executionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) return described;
            if (System.nanoTime() > deadline) fail("Execution " + executionArn + " was still RUNNING after " + timeout);
            sleep(5);
        }
    }

    static DescribeExecutionResponse run(SfnClient sfn, String definition, String input) {
        return await(sfn, start(sfn, create(sfn, definition), input));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
