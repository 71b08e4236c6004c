package dev.awstestharness.localcloud;

import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbService;
import dev.awstestharness.localcloud.internal.ecs.EcsConfig;
import dev.awstestharness.localcloud.internal.ecs.EcsService;
import dev.awstestharness.localcloud.internal.ecs.TaskMetadataRoute;
import dev.awstestharness.localcloud.internal.http.AwsJsonRoute;
import dev.awstestharness.localcloud.internal.http.LocalHttpServer;
import dev.awstestharness.localcloud.internal.http.Router;
import dev.awstestharness.localcloud.internal.integrations.DynamoDbItemIntegration;
import dev.awstestharness.localcloud.internal.integrations.DynamoDbSdkIntegration;
import dev.awstestharness.localcloud.internal.integrations.EcsRunTaskIntegration;
import dev.awstestharness.localcloud.internal.integrations.LambdaFunctionIntegration;
import dev.awstestharness.localcloud.internal.integrations.LambdaInvokeIntegration;
import dev.awstestharness.localcloud.internal.integrations.DistributedMapS3Integration;
import dev.awstestharness.localcloud.internal.integrations.S3SdkIntegration;
import dev.awstestharness.localcloud.internal.integrations.SqsSendMessageIntegration;
import dev.awstestharness.localcloud.internal.lambda.LambdaRoute;
import dev.awstestharness.localcloud.internal.lambda.LambdaService;
import dev.awstestharness.localcloud.internal.s3.S3Route;
import dev.awstestharness.localcloud.internal.s3.S3Service;
import dev.awstestharness.localcloud.internal.sqs.SqsQueryRoute;
import dev.awstestharness.localcloud.internal.sqs.SqsService;
import dev.awstestharness.localcloud.internal.stepfunctions.StepFunctionsConfig;
import dev.awstestharness.localcloud.internal.stepfunctions.StepFunctionsService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * AWS-compatible endpoints on 127.0.0.1, in-process: point an AWS SDK client's {@code endpointOverride} at
 * {@link #endpoint()} (any region and credentials are accepted). One port serves Step Functions, Lambda, ECS, SQS,
 * DynamoDB and S3 (path-style), routed by the request; Step Functions tasks call the other services in-process.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder().waitScale(0).start()) {
 *     SfnClient sfn = SfnClient.builder().endpointOverride(cloud.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {
    private final LocalHttpServer server;
    private final StepFunctionsService stepFunctions;
    private final SqsService sqs;
    private final EcsService ecs;
    private final LambdaService lambda;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalCloud(LocalHttpServer server, StepFunctionsService stepFunctions, SqsService sqs, EcsService ecs, LambdaService lambda) {
        this.server = server;
        this.stepFunctions = stepFunctions;
        this.sqs = sqs;
        this.ecs = ecs;
        this.lambda = lambda;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, the endpoint of every service. */
    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    /** The socket address the server is bound to. */
    InetSocketAddress boundAddress() {
        return server.address();
    }

    /** The Step Functions service, for in-process use by the harness and tests. */
    StepFunctionsService stepFunctions() {
        return stepFunctions;
    }

    /** Stops listening and stops the interpreter; running executions end with it. Closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            server.close();
        } finally {
            stepFunctions.close();
            sqs.close();
            ecs.close();
            lambda.close();
        }
    }

    @Override
    public String toString() {
        return "LocalCloud[" + endpoint() + "]";
    }

    public static final class Builder {
        private int port;
        private double waitScale = 1.0;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int maxFinishedExecutions = 10_000;
        private Duration maxFinishedExecutionAge = Duration.ofHours(1);
        private int threads = 32;
        private final Map<String, ContainerProgram> containerImages = new LinkedHashMap<>();
        private int maxStoppedTasks = EcsConfig.DEFAULT_MAX_STOPPED_TASKS;

        private ClassLoader lambdaClassLoader;

        private Builder() {}

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0 to 65535 but was " + port);
            this.port = port;
            return this;
        }

        /**
         * How much real time Wait states and retry intervals take: 1 (the default) is real time, 0.001 makes a one-hour
         * wait take 3.6 seconds, 0 skips waiting. Execution timestamps still advance by the full wait.
         */
        public Builder waitScale(double waitScale) {
            if (!(waitScale >= 0) || Double.isInfinite(waitScale)) {
                throw new IllegalArgumentException("waitScale must be a finite number of 0 or more but was " + waitScale);
            }
            this.waitScale = waitScale;
            return this;
        }

        /** The region in the ARNs (default us-east-1). */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            if (!region.matches("[a-z0-9-]+")) throw new IllegalArgumentException("region must look like us-east-1 but was '" + region + "'");
            this.region = region;
            return this;
        }

        /** The account id in the ARNs: 12 digits (default 123456789012). */
        public Builder accountId(String accountId) {
            Objects.requireNonNull(accountId, "accountId");
            if (!accountId.matches("\\d{12}")) throw new IllegalArgumentException("accountId must be 12 digits but was '" + accountId + "'");
            this.accountId = accountId;
            return this;
        }

        /**
         * How many finished executions (with their histories) are kept for Describe/List/GetExecutionHistory
         * (default 10,000); beyond it the oldest are dropped. Running executions are always kept.
         */
        public Builder maxFinishedExecutions(int maxFinishedExecutions) {
            if (maxFinishedExecutions < 0) {
                throw new IllegalArgumentException("maxFinishedExecutions must be 0 or more but was " + maxFinishedExecutions);
            }
            this.maxFinishedExecutions = maxFinishedExecutions;
            return this;
        }

        /** How long a finished execution is kept at most (default 1 hour). */
        public Builder maxFinishedExecutionAge(Duration maxFinishedExecutionAge) {
            Objects.requireNonNull(maxFinishedExecutionAge, "maxFinishedExecutionAge");
            if (maxFinishedExecutionAge.isNegative()) {
                throw new IllegalArgumentException("maxFinishedExecutionAge must not be negative but was " + maxFinishedExecutionAge);
            }
            this.maxFinishedExecutionAge = maxFinishedExecutionAge;
            return this;
        }

        /** Threads kept to serve HTTP requests (default 32; more start while all are busy); requests that wait (StartSyncExecution) hold none. */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be 1 or more but was " + threads);
            this.threads = threads;
            return this;
        }

        /**
         * The program that ECS tasks run for a container image, in-process (see {@link ContainerProgram} for how its end
         * becomes the container's exit code). {@code imageUri} is matched exactly against the {@code image} of container
         * definitions; a task with an image that has no program fails to start with {@code CannotPullContainerError}.
         * Registering an image again replaces its program.
         */
        public Builder containerImage(String imageUri, ContainerProgram program) {
            Objects.requireNonNull(imageUri, "imageUri");
            Objects.requireNonNull(program, "program");
            if (imageUri.isBlank()) throw new IllegalArgumentException("imageUri must not be blank");
            containerImages.put(imageUri, program);
            return this;
        }

        /**
         * How many stopped ECS tasks are kept for DescribeTasks and ListTasks (default 1,000); beyond it the
         * longest-stopped are dropped, and none is kept longer than an hour (as on ECS). Running tasks are always kept.
         */
        public Builder maxStoppedTasks(int maxStoppedTasks) {
            if (maxStoppedTasks < 0) throw new IllegalArgumentException("maxStoppedTasks must be 0 or more but was " + maxStoppedTasks);
            this.maxStoppedTasks = maxStoppedTasks;
            return this;
        }

        /**
         * Where Lambda functions' handler classes are found (default: the context class loader of the thread calling
         * {@link #start()}): local functions run in-process, their code being a class of this JVM.
         */
        public Builder lambdaClassLoader(ClassLoader lambdaClassLoader) {
            this.lambdaClassLoader = Objects.requireNonNull(lambdaClassLoader, "lambdaClassLoader");
            return this;
        }

        /**
         * Starts the services and listens on 127.0.0.1.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public LocalCloud start() {
            StepFunctionsService stepFunctions = new StepFunctionsService(new StepFunctionsConfig(region, accountId, waitScale,
                    maxFinishedExecutions, maxFinishedExecutionAge, StepFunctionsConfig.EXPRESS_LIMIT));
            AtomicReference<URI> endpoint = new AtomicReference<>();
            SqsService sqs = new SqsService(region, accountId, endpoint::get);
            stepFunctions.interpreter().integrations().register(SqsSendMessageIntegration.RESOURCE, new SqsSendMessageIntegration(sqs));
            DynamoDbService dynamoDb = new DynamoDbService(region, accountId);
            DynamoDbItemIntegration.OPERATIONS.keySet().forEach(action -> stepFunctions.interpreter().integrations()
                    .register(DynamoDbItemIntegration.PREFIX + action, new DynamoDbItemIntegration(dynamoDb, action)));
            stepFunctions.interpreter().integrations().register(DynamoDbSdkIntegration.PREFIX, new DynamoDbSdkIntegration(dynamoDb));
            EcsService ecs = new EcsService(new EcsConfig(region, accountId, containerImages, maxStoppedTasks,
                    EcsConfig.DEFAULT_STOPPED_TASK_RETENTION));
            stepFunctions.interpreter().integrations().register(EcsRunTaskIntegration.RESOURCE, new EcsRunTaskIntegration(ecs));
            S3Service s3 = new S3Service(region);
            LambdaService lambda = new LambdaService(region, accountId, lambdaClassLoader != null ? lambdaClassLoader
                    : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(), LocalCloud.class.getClassLoader()));
            S3SdkIntegration s3Sdk = new S3SdkIntegration(s3);
            DistributedMapS3Integration mapS3 = new DistributedMapS3Integration(s3Sdk);
            stepFunctions.interpreter().integrations()
                    .register(LambdaInvokeIntegration.RESOURCE, new LambdaInvokeIntegration(lambda))
                    .register(LambdaFunctionIntegration.RESOURCE_PREFIX, new LambdaFunctionIntegration(lambda))
                    .register(S3SdkIntegration.RESOURCE_PREFIX, s3Sdk)
                    .register(DistributedMapS3Integration.GET_OBJECT, mapS3)
                    .register(DistributedMapS3Integration.LIST_OBJECTS, mapS3)
                    .register(DistributedMapS3Integration.PUT_OBJECT, mapS3);
            // TaskMetadataRoute: the unsigned GETs of ECS containers to their metadata endpoint (v4).
            Router router = new Router().add(new TaskMetadataRoute(ecs)).add(new AwsJsonRoute(ecs)).add(new AwsJsonRoute(stepFunctions)).add(new AwsJsonRoute(sqs)).add(new SqsQueryRoute(sqs)).add(new AwsJsonRoute(dynamoDb))
                    .add(new LambdaRoute(lambda)).add(new S3Route(s3));
            try {
                LocalHttpServer server = LocalHttpServer.start(port, router, threads);
                endpoint.set(server.endpoint());
                ecs.endpoint(server.endpoint());
                return new LocalCloud(server, stepFunctions, sqs, ecs, lambda);
            } catch (RuntimeException | Error e) {
                stepFunctions.close();
                sqs.close();
                ecs.close();
                lambda.close();
                throw e;
            }
        }
    }
}
