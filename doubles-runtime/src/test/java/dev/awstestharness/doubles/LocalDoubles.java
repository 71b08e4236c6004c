package dev.awstestharness.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.ResultsTable;
import dev.awstestharness.doubles.contract.TestContextBucket;
import dev.awstestharness.doubles.ecs.EcsTaskRunner;
import dev.awstestharness.localcloud.LocalCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A local cloud with the doubles' shared resources, made through the SDK as the infrastructure makes them: the FIFO
 * events queue (content-based deduplication), the results table (key {@code partitionKey}), the test-context bucket
 * with a session, and the runner image. One per test class; {@link #newSession()} gives each test its own resources.
 */
public final class LocalDoubles implements AutoCloseable {
    /** The runner image: every container runs {@link EcsTaskRunner#run(Map, java.util.List)} in-process. */
    public static final String RUNNER_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/aws-test-harness/ecs-task-container:test";
    /** The runner image whose stderr the tests read: {@link #runnerErrors()}. */
    public static final String CAPTURING_RUNNER_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/aws-test-harness/ecs-task-container:capturing";
    /** The runner image as a real container runs it: {@code java EcsTaskRunner <command>} in a process of its own, SIGTERM on stop. */
    public static final String PROCESS_RUNNER_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/aws-test-harness/ecs-task-container:process";
    public static final String ROLE = "arn:aws:iam::123456789012:role/test";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    public final LocalCloud cloud;
    public final SqsClient sqs;
    public final DynamoDbClient dynamoDb;
    public final S3Client s3;
    public final SfnClient sfn;
    public final LambdaClient lambda;
    public final EcsClient ecs;
    private final ByteArrayOutputStream runnerErrors = new ByteArrayOutputStream();
    private final PrintStream runnerErrorStream = new PrintStream(runnerErrors, true, StandardCharsets.UTF_8);

    public LocalDoubles() {
        this(builder -> builder);
    }

    /** A local cloud with the runner images, configured further by {@code customization} (more images, a Lambda class loader). */
    public LocalDoubles(java.util.function.UnaryOperator<LocalCloud.Builder> customization) {
        cloud = customization.apply(LocalCloud.builder().waitScale(0)
                .containerImage(RUNNER_IMAGE, context -> EcsTaskRunner.run(context.environment(), context.command()))
                .containerImage(CAPTURING_RUNNER_IMAGE, context -> EcsTaskRunner.run(context.environment(), context.command(), runnerErrorStream))
                .containerImage(PROCESS_RUNNER_IMAGE, this::runProcess))
                .start();
        URI endpoint = cloud.endpoint();
        sqs = client(SqsClient.builder(), endpoint);
        dynamoDb = client(DynamoDbClient.builder(), endpoint);
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build();
        sfn = client(SfnClient.builder(), endpoint);
        lambda = client(LambdaClient.builder(), endpoint);
        ecs = client(EcsClient.builder(), endpoint);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));
    }

    /** Runs the runner's main in a JVM of its own with the container's environment; stopping the task sends it SIGTERM. */
    private int runProcess(dev.awstestharness.localcloud.ContainerContext context) throws Exception {
        return runRunnerProcess(System.getProperty("java.class.path"), context, runnerErrorStream);
    }

    /**
     * {@code java -cp classpath EcsTaskRunner <command>} with the container's environment, its stderr copied to
     * {@code errors} when it ends; interrupting the caller (the task being stopped) sends the JVM SIGTERM.
     */
    public static int runRunnerProcess(String classpath, dev.awstestharness.localcloud.ContainerContext context, PrintStream errors)
            throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, EcsTaskRunner.class.getName()));
        command.addAll(context.command());
        java.nio.file.Path stderr = java.nio.file.Files.createTempFile("runner", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(context.environment());
        Process process = builder.start();
        try {
            try {
                return process.waitFor();
            } catch (InterruptedException stopping) {
                process.destroy(); // SIGTERM
                return process.waitFor();
            }
        } finally {
            errors.print(java.nio.file.Files.readString(stderr, StandardCharsets.UTF_8));
            java.nio.file.Files.deleteIfExists(stderr);
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What the capturing runner image wrote to stderr so far. */
    public String runnerErrors() {
        return runnerErrors.toString(StandardCharsets.UTF_8);
    }

    /** New shared resources and a new mocking session. */
    public Session newSession() {
        String queueUrl = sqs.createQueue(r -> r.queueName(uniqueName("events") + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        String table = uniqueName("results");
        dynamoDb.createTable(r -> r.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName(ResultsTable.KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(ResultsTable.KEY).attributeType(ScalarAttributeType.S).build())
                .billingMode("PAY_PER_REQUEST"));
        String bucket = uniqueName("test-context").toLowerCase();
        s3.createBucket(r -> r.bucket(bucket));
        String sessionId = UUID.randomUUID().toString();
        TestContextBucket.writeSessionId(s3, bucket, sessionId);
        return new Session(queueUrl, table, bucket, sessionId);
    }

    /** The shared resources of one test and its session id. */
    public final class Session {
        public final String queueUrl;
        public final String table;
        public final String bucket;
        public final String sessionId;

        Session(String queueUrl, String table, String bucket, String sessionId) {
            this.queueUrl = queueUrl;
            this.table = table;
            this.bucket = bucket;
            this.sessionId = sessionId;
        }

        /** The harness variables of a double named {@code doubleName}, on this local cloud. */
        public Map<String, String> environment(String doubleName) {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put(HarnessEnvironment.DOUBLE_NAME, doubleName);
            environment.put(HarnessEnvironment.EVENTS_QUEUE_URL, queueUrl);
            environment.put(HarnessEnvironment.RESULTS_TABLE, table);
            environment.put(HarnessEnvironment.TEST_CONTEXT_BUCKET, bucket);
            environment.put(HarnessEnvironment.ENDPOINT_URL, cloud.endpoint().toString());
            return environment;
        }

        /** The same variables under the names a Lambda function's environment takes ({@link HarnessEnvironment#lambdaName}). */
        public Map<String, String> lambdaEnvironment(String doubleName) {
            Map<String, String> environment = new LinkedHashMap<>();
            environment(doubleName).forEach((name, value) -> environment.put(HarnessEnvironment.lambdaName(name), value));
            return environment;
        }

        /** A responder that answers with {@code answers}. */
        public TestResponder respondWith(TestResponder.Answers answers) {
            return new TestResponder(LocalDoubles.this, queueUrl, table, answers);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sqs.close();
        dynamoDb.close();
        s3.close();
        sfn.close();
        lambda.close();
        ecs.close();
        cloud.close();
    }
}
