package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Where the tests run: the SDK clients to reach it and the resources deployed there for one template (the doubles, the
 * shared harness resources and the state machines under test). Everything above this interface talks to the target
 * through the SDK only; {@link LocalTarget} is the embedded local cloud, {@link AwsTarget} a deployed CloudFormation
 * stack on AWS.
 */
public interface Target extends AutoCloseable {
    /** {@code local} or {@code aws}. */
    String kind();

    Declaration declaration();

    SdkClients clients();

    /** The endpoint of every service (the local cloud); empty on AWS. */
    Optional<URI> endpoint();

    String region();

    /** The credentials the harness uses. */
    AwsCredentialsProvider credentials();

    DeployedResources resources();

    /** How long {@code execute(input)} waits for an execution by default. */
    Duration defaultExecutionTimeout();

    /** How often to poll for an execution's end. */
    Polling polling();

    /**
     * A resource of a nested stack, addressed {@code Parent::Child} (each {@code ::} steps into the nested stack of that
     * logical id). Empty on a target without nested stacks (the local target deploys the template's own resources).
     *
     * @throws IllegalArgumentException naming the resources there are, when a logical id on the way is unknown
     */
    default Optional<ResourceValues> nestedResource(String path) {
        return Optional.empty();
    }

    /** Fails when the target can no longer be used for a test (on AWS: another run has taken over the stack). */
    default void checkUsable() {}

    /** A line describing the target for diagnostics, e.g. {@code local cloud at http://127.0.0.1:4321}. */
    String describe();

    /** Releases the target (stops the local cloud); calling it again does nothing. */
    @Override
    void close();

    /**
     * Polling intervals: the first wait, growing by half each time up to {@code max}.
     */
    record Polling(Duration first, Duration max) {
        public long nextNanos(long currentNanos) {
            return Math.min(max.toNanos(), Math.max(currentNanos + currentNanos / 2, currentNanos + 1));
        }
    }
}
