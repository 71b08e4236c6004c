package dev.awstestharness.harness;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * Where the test runs, for tests that call a service themselves with the AWS SDK (to put a message on a queue of
 * their own, say, or to look at a resource the harness has no driver for):
 *
 * <pre>{@code
 * try (SqsClient sqs = harness.target().configure(SqsClient.builder()).build()) {
 *     sqs.sendMessage(r -> r.queueUrl(harness.target().ref("AWSTestHarnessEventsQueue")).messageBody("..."));
 * }
 * }</pre>
 */
public interface HarnessTarget {
    /** {@code local} or {@code aws}. */
    String kind();

    /** The local cloud's endpoint (every service); empty on AWS, where each service has its regional endpoint. */
    Optional<URI> endpoint();

    /** The region the resources are in. */
    String region();

    /**
     * Configures an SDK client builder for this target: region, credentials (on AWS those of the configured profile or
     * the default chain, or the session of the configured role), and on the local target its endpoint (S3 path-style)
     * and the URL-connection HTTP client.
     *
     * @return {@code builder}
     */
    <B extends AwsClientBuilder<B, ?>> B configure(B builder);

    /**
     * What {@code !Ref} of a logical id of the template gives on this target: a double's generated resource
     * ({@code FirstAWSTestHarnessS3Bucket}), a shared one ({@code AWSTestHarnessEventsQueue} gives the queue URL) or a
     * state machine under test (its ARN). On AWS it is the resource's physical id in the stack, and any resource of the
     * stack can be named, also one of a nested stack as {@code "Parent::Child"}.
     *
     * @throws IllegalArgumentException naming the logical ids there are
     */
    String ref(String logicalId);

    /**
     * What {@code !GetAtt logicalId.attribute} gives on this target. On AWS the attributes are built from the physical
     * id as CloudFormation builds them ({@code Arn} of functions, tables, queues, buckets, clusters, roles, state
     * machines; {@code Name}, {@code QueueName}, {@code QueueUrl}, {@code TaskDefinitionArn}, ...).
     *
     * @throws IllegalArgumentException naming the resource's attributes when it has no such one
     */
    String getAtt(String logicalId, String attribute);
}
