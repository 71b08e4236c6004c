package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.target.CloudFormationStack.Resource;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The aws target: a stack deployed from the template (the {@code AWSTestHarness-TestDoubles} macro created the doubles
 * and the shared resources in it), reached with the SDK's regional endpoints. Starting it resolves the credentials
 * (a profile or the default chain, optionally a role assumed with them), reads the stack and its resources from
 * CloudFormation (checking its status and that every resource the template declares is there) and takes the stack's
 * {@link StackLease}, so that no other test run uses the stack at the same time.
 */
public final class AwsTarget implements Target {
    public static final String KIND = "aws";
    /**
     * Executions on AWS take hundreds of milliseconds to minutes: the first poll after 100 ms, then half as long again
     * each time, up to once a second (DescribeExecution is throttled per account).
     */
    static final Polling POLLING = new Polling(Duration.ofMillis(100), Duration.ofSeconds(1));
    /** The stacks this JVM uses, with the template each is used for: one template per stack. */
    private static final Map<String, String> STACKS_IN_USE = new ConcurrentHashMap<>();

    private final Declaration declaration;
    private final AwsSettings settings;
    private final AwsCredentials credentials;
    private final CloudFormationClient cloudFormation;
    private final StackReader stacks;
    private final CloudFormationStack stack;
    private final DeployedResources resources;
    private final SdkClients clients;
    private final StackLease lease;
    private final Optional<URI> endpoint;
    private final Duration startup;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AwsTarget(Builder parts, Duration startup) {
        this.declaration = parts.declaration;
        this.settings = parts.settings;
        this.credentials = parts.credentials;
        this.cloudFormation = parts.cloudFormation;
        this.stacks = parts.stacks;
        this.stack = parts.stack;
        this.resources = parts.resources;
        this.clients = parts.clients;
        this.lease = parts.lease;
        this.endpoint = parts.endpoint;
        this.startup = startup;
    }

    /** What a start has opened so far, closed in reverse order when it fails. */
    private static final class Builder {
        final Deque<AutoCloseable> opened = new ArrayDeque<>();
        Declaration declaration;
        AwsSettings settings;
        AwsCredentials credentials;
        CloudFormationClient cloudFormation;
        StackReader stacks;
        CloudFormationStack stack;
        DeployedResources resources;
        SdkClients clients;
        StackLease lease;
        Optional<URI> endpoint;
        String claimedStack;

        <T extends AutoCloseable> T opened(T closeable) {
            opened.push(closeable);
            return closeable;
        }

        void closeAll(Throwable failure) {
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
            if (claimedStack != null) STACKS_IN_USE.remove(claimedStack);
        }
    }

    /**
     * Starts the aws target for a template.
     *
     * @param connections how to reach AWS ({@link AwsConnections#AWS})
     * @param leaseDuration how long the run's lease on the stack lasts unless renewed ({@link StackLease#DEFAULT_DURATION})
     * @throws TargetUnavailableException naming what is missing or wrong (credentials, the stack, its status, its
     *     resources, another run's lease) and what to do
     */
    static AwsTarget start(Declaration declaration, AwsSettings settings, AwsConnections connections, Duration leaseDuration) {
        long started = System.nanoTime();
        Builder parts = new Builder();
        parts.declaration = declaration;
        parts.settings = settings;
        parts.endpoint = connections.endpoint();
        try {
            parts.credentials = parts.opened(AwsCredentials.of(settings, connections.profiles(), base -> connections.sts(settings.region(), base)))
                    .check();
            AwsCredentialsProvider provider = parts.credentials.provider();
            parts.cloudFormation = parts.opened(connections.cloudFormation(settings.region(), provider));
            parts.stacks = new StackReader(parts.cloudFormation, settings.region());
            parts.stack = parts.stacks.stack(settings.stackName());
            parts.resources = new StackMapping(declaration, parts.stack).map();
            String template = declaration.source().name();
            String other = STACKS_IN_USE.putIfAbsent(parts.stack.stackId(), template);
            if (other != null && other.equals(template)) {
                throw new TargetUnavailableException("The " + settings.describeStack() + " is already in use by another run of the harness in "
                        + "this JVM (for the template " + template + "): two runs against one stack would take each other's invocations");
            }
            if (other != null) {
                throw new TargetUnavailableException("The " + settings.describeStack() + " is already used in this test run for the template "
                        + other + "; a stack is deployed from one template, so " + template + " needs a stack of its own: run its tests "
                        + "in a separate run with its own " + Setting.STACK_NAME.property());
            }
            parts.claimedStack = parts.stack.stackId();
            parts.clients = parts.opened(connections.clients(settings.region(), provider));
            parts.lease = parts.opened(StackLease.acquire(parts.clients.s3(), parts.resources.testContextBucket(), settings.describeStack(),
                    StackLease.Holder.current(template), leaseDuration));
            return new AwsTarget(parts, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException | Error e) {
            parts.closeAll(e);
            throw e;
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    @Override
    public SdkClients clients() {
        return clients;
    }

    @Override
    public Optional<URI> endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return settings.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials.provider();
    }

    @Override
    public DeployedResources resources() {
        return resources;
    }

    @Override
    public Duration defaultExecutionTimeout() {
        return settings.executionTimeout();
    }

    @Override
    public Polling polling() {
        return POLLING;
    }

    /** The stack the target runs against. */
    public CloudFormationStack stack() {
        return stack;
    }

    StackLease lease() {
        return lease;
    }

    /** How long {@link #start} took. */
    public Duration startup() {
        return startup;
    }

    /**
     * A resource of a nested stack: {@code Nested::Resource}, {@code Outer::Inner::Resource}, each {@code ::} stepping
     * into the nested stack of that logical id, starting from the target's stack.
     */
    @Override
    public Optional<ResourceValues> nestedResource(String path) {
        String[] parts = path.split("::");
        CloudFormationStack current = stack;
        for (int i = 0; i < parts.length - 1; i++) {
            try {
                current = stacks.nested(current, parts[i]);
            } catch (TargetUnavailableException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        String logicalId = parts[parts.length - 1];
        Resource resource = current.resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("The " + current.describe() + " has no resource '" + logicalId + "' (to resolve " + path
                    + "); its resources are " + StackReader.names(current, false));
        }
        return Optional.of(new StackResourceValues(current).of(resource, "the resource " + path + " (" + resource.type() + ")"));
    }

    /** Fails when this run has lost its lease on the stack to another run. */
    @Override
    public void checkUsable() {
        lease.check();
    }

    @Override
    public String describe() {
        return "aws " + settings.describeStack() + " (account " + stack.accountId() + ", " + credentials.describe() + ", template "
                + declaration.source().name() + ", resolved in " + startup.toMillis() + " ms)";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            lease.close();
        } finally {
            try {
                clients.close();
                cloudFormation.close();
                credentials.close();
            } finally {
                STACKS_IN_USE.remove(stack.stackId());
            }
        }
    }

    @Override
    public String toString() {
        return "AwsTarget[" + describe() + "]";
    }
}
