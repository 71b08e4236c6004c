package dev.awstestharness.harness.internal.target;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.aws.DoubleClients;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.ResultsTable;
import dev.awstestharness.doubles.ecs.EcsTaskRunner;
import dev.awstestharness.doubles.lambda.LambdaRelay;
import dev.awstestharness.doubles.statemachine.DoubleStateMachine;
import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.Declaration.StateMachineUnderTest;
import dev.awstestharness.harness.internal.declaration.Declaration.TableDeclaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TaskFamilyDeclaration;
import dev.awstestharness.harness.internal.declaration.DefinitionRenderer;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.harness.internal.declaration.Intrinsics;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.declaration.TemplateException;
import dev.awstestharness.localcloud.LocalCloud;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local target: one embedded {@link LocalCloud} per template, into which the harness deploys, through the SDK,
 * what the {@code AWSTestHarness-TestDoubles} transform deploys on AWS: the events queue (SQS FIFO, content-based
 * deduplication), the results table (key {@code partitionKey}, TTL {@code ttl}), the test-context bucket, and per
 * declared double a Lambda function running {@link LambdaRelay}, a state machine with {@link DoubleStateMachine}'s
 * definition, a bucket, a table, or an ECS task definition whose containers all run the runner image (whose program is
 * {@link EcsTaskRunner}, in-process: see {@link RunnerProgram}); then the state machines under test, their definition
 * substitutions resolved.
 *
 * <p>Wait states and retry intervals take no real time here unless configured: the cloud's wait scale is 0 by default
 * (the system property or JUnit configuration parameter {@value #WAIT_SCALE_PROPERTY} sets it; 1 is real time).
 * Execution timestamps still advance by the full wait.
 */
public final class LocalTarget implements Target {
    public static final String KIND = "local";
    public static final String WAIT_SCALE_PROPERTY = "aws.test.harness.waitScale";
    public static final double DEFAULT_WAIT_SCALE = 0;
    /** The image of every container of an ECS task double; locally its program is {@link EcsTaskRunner#run}. */
    public static final String RUNNER_IMAGE = "aws-test-harness/ecs-task-runner:local";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "123456789012";
    public static final String STACK_NAME = "aws-test-harness-local";
    /** How long a double waits for the harness's answer (it always answers at once; this only guards against a dead harness). */
    static final int RESULT_TIMEOUT_SECONDS = 60;
    public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long a container double may take to exit once its task stops (an essential sibling exited): long enough for
     * {@link EcsTaskRunner#STOPPING_GRACE}, in which it finishes relaying its own invocation.
     */
    static final int STOP_TIMEOUT_SECONDS = 10;
    static final Polling POLLING = new Polling(Duration.ofNanos(500_000), Duration.ofMillis(3));

    private final Declaration declaration;
    private final LocalCloud cloud;
    private final SdkClients clients;
    private final DeployedResources resources;
    private final Duration startup;
    private final Duration executionTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalTarget(Declaration declaration, LocalCloud cloud, SdkClients clients, DeployedResources resources, Duration startup,
            Duration executionTimeout) {
        this.declaration = declaration;
        this.cloud = cloud;
        this.clients = clients;
        this.resources = resources;
        this.startup = startup;
        this.executionTimeout = executionTimeout;
    }

    /**
     * Starts a local cloud and deploys the template's doubles and state machines under test into it.
     *
     * @param waitScale the real time Wait states and retries take (0: none, 1: real time)
     * @throws TemplateException when the template's state machines cannot be deployed (naming the resource and why)
     */
    public static LocalTarget start(Declaration declaration, double waitScale) {
        return start(declaration, waitScale, DEFAULT_EXECUTION_TIMEOUT);
    }

    /**
     * Starts a local cloud and deploys the template's doubles and state machines under test into it.
     *
     * @param executionTimeout how long {@code execute(input)} waits by default
     */
    public static LocalTarget start(Declaration declaration, double waitScale, Duration executionTimeout) {
        long started = System.nanoTime();
        ExecutorService startup = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "aws-test-harness-startup");
            thread.setDaemon(true);
            return thread;
        });
        LocalCloud cloud = null;
        SdkClients clients = null;
        try {
            // Loading the SDK's classes takes longer than starting the cloud: both at once.
            Future<?> sdkClasses = startup.submit(() -> SdkClients.local(URI.create("http://127.0.0.1:9"), REGION).close());
            cloud = LocalCloud.builder()
                    .region(REGION)
                    .accountId(ACCOUNT_ID)
                    .waitScale(waitScale)
                    .containerImage(RUNNER_IMAGE, new RunnerProgram())
                    .lambdaClassLoader(LambdaRelay.class.getClassLoader())
                    .start();
            await(sdkClasses);
            clients = SdkClients.local(cloud.endpoint(), REGION);
            String endpoint = cloud.endpoint().toString();
            // The doubles' own clients (shared per configuration), made now rather than in the first test.
            startup.submit(() -> warmDoubleClients(endpoint));
            DeployedResources resources = new Deployment(declaration, clients, endpoint, startup).deploy();
            return new LocalTarget(declaration, cloud, clients, resources, Duration.ofNanos(System.nanoTime() - started), executionTimeout);
        } catch (RuntimeException | Error e) {
            if (clients != null) clients.close();
            if (cloud != null) cloud.close();
            throw e;
        } finally {
            startup.shutdown();
        }
    }

    private static void warmDoubleClients(String endpoint) {
        try {
            DoubleClients clients = DoubleClients.shared(Map.of(HarnessEnvironment.ENDPOINT_URL, endpoint, "AWS_REGION", REGION));
            clients.sqs();
            clients.dynamoDb();
            clients.s3();
        } catch (RuntimeException e) {
            // only an optimisation: the doubles make their clients when first called
        }
    }

    /** Waits for a startup step; its failure becomes the caller's. */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local target", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
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
        return Optional.of(cloud.endpoint());
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return SdkClients.LOCAL_CREDENTIALS;
    }

    @Override
    public DeployedResources resources() {
        return resources;
    }

    @Override
    public Duration defaultExecutionTimeout() {
        return executionTimeout;
    }

    @Override
    public Polling polling() {
        return POLLING;
    }

    /** How long {@link #start} took. */
    public Duration startup() {
        return startup;
    }

    public LocalCloud cloud() {
        return cloud;
    }

    @Override
    public String describe() {
        return "local cloud at " + cloud.endpoint() + " (template " + declaration.source().name() + ", started in " + startup.toMillis() + " ms)";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            clients.close();
        } finally {
            cloud.close();
        }
    }

    @Override
    public String toString() {
        return "LocalTarget[" + describe() + "]";
    }

    /** Deploys one template's resources through the SDK, in the order CloudFormation would. */
    private static final class Deployment {
        private final Declaration declaration;
        private final SdkClients clients;
        private final String endpoint;
        private final DeployedResources.Builder resources;

        private final ExecutorService executor;

        Deployment(Declaration declaration, SdkClients clients, String endpoint, ExecutorService executor) {
            this.declaration = declaration;
            this.clients = clients;
            this.endpoint = endpoint;
            this.executor = executor;
            this.resources = DeployedResources.builder(declaration);
        }

        /** Deploys in three rounds, each service's calls on a thread of their own (the first call of each costs most). */
        DeployedResources deploy() {
            all(List.of(
                    this::deployQueue,
                    () -> {
                        deployResultsTable();
                        declaration.dynamoDbTables().values().forEach(this::deployTable);
                    },
                    () -> {
                        deployTestContextBucket();
                        declaration.s3Buckets().forEach(this::deployBucket);
                    },
                    this::deployCluster));
            Map<String, String> environment = doubleEnvironment();
            all(List.of(
                    () -> declaration.lambdaFunctions().forEach(name -> deployLambdaFunction(name, environment)),
                    () -> declaration.stateMachines().forEach(name -> deployStateMachineDouble(name, environment)),
                    () -> declaration.ecsTaskFamilies().values().forEach(family -> deployTaskDefinition(family, environment))));
            deployStateMachinesUnderTest();
            return resources.build();
        }

        private void all(List<Runnable> steps) {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable step : steps.subList(1, steps.size())) futures.add(executor.submit(step));
            RuntimeException failure = null;
            try {
                steps.get(0).run();
            } catch (RuntimeException e) {
                failure = e;
            }
            for (Future<?> future : futures) {
                try {
                    await(future);
                } catch (RuntimeException e) {
                    if (failure == null) failure = e;
                    else failure.addSuppressed(e);
                }
            }
            if (failure != null) throw failure;
        }

        private void deployQueue() {
            String queueName = GeneratedResources.EVENTS_QUEUE + ".fifo";
            String queueUrl = clients.sqs().createQueue(r -> r.queueName(queueName).attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true",
                    QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                    QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60",
                    QueueAttributeName.VISIBILITY_TIMEOUT, "5"))).queueUrl();
            String queueArn = "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + queueName;
            resources.eventsQueue(queueUrl, new ResourceValues(GeneratedResources.EVENTS_QUEUE, "AWS::SQS::Queue", "the harness's events queue",
                    TextNode.valueOf(queueUrl), Map.of("Arn", TextNode.valueOf(queueArn), "QueueName", TextNode.valueOf(queueName),
                            "QueueUrl", TextNode.valueOf(queueUrl))));
        }

        private void deployResultsTable() {
            String resultsTable = GeneratedResources.RESULTS_TABLE;
            clients.dynamoDb().createTable(r -> r.tableName(resultsTable).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(ResultsTable.KEY).attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName(ResultsTable.KEY).keyType(KeyType.HASH).build()));
            clients.dynamoDb().updateTimeToLive(r -> r.tableName(resultsTable).timeToLiveSpecification(t -> t.enabled(true)
                    .attributeName(ResultsTable.TTL)));
            resources.resultsTable(resultsTable, ResourceValues.of(GeneratedResources.RESULTS_TABLE, "AWS::DynamoDB::Table",
                    "the harness's results table", resultsTable, "Arn", tableArn(resultsTable)));
        }

        private void deployTestContextBucket() {
            String bucket = bucketName(GeneratedResources.TEST_CONTEXT_BUCKET);
            clients.s3().createBucket(r -> r.bucket(bucket));
            resources.testContextBucket(bucket, bucketValues(GeneratedResources.TEST_CONTEXT_BUCKET, "the harness's test-context bucket", bucket));
        }

        private void deployCluster() {
            for (String role : List.of(GeneratedResources.ECS_TASK_EXECUTION_ROLE, GeneratedResources.ECS_TASK_ROLE)) {
                resources.resource(ResourceValues.of(role, "AWS::IAM::Role", "the harness's role " + role, role, "Arn", roleArn(role),
                        "RoleId", "AROA" + role.toUpperCase(Locale.ROOT).substring(0, 17)));
            }
            if (declaration.ecsTaskFamilies().isEmpty()) return;
            String cluster = GeneratedResources.ECS_CLUSTER;
            String clusterArn = clients.ecs().createCluster(r -> r.clusterName(cluster)).cluster().clusterArn();
            resources.ecsCluster(clusterArn, ResourceValues.of(cluster, "AWS::ECS::Cluster", "the harness's ECS cluster", cluster,
                    "Arn", clusterArn));
        }

        /** The harness variables every double gets (the container doubles add their family's name). */
        private Map<String, String> doubleEnvironment() {
            DeployedResources shared = resources.build();
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put(HarnessEnvironment.EVENTS_QUEUE_URL, shared.eventsQueueUrl());
            environment.put(HarnessEnvironment.RESULTS_TABLE, shared.resultsTable());
            environment.put(HarnessEnvironment.TEST_CONTEXT_BUCKET, shared.testContextBucket());
            environment.put(HarnessEnvironment.ENDPOINT_URL, endpoint);
            return environment;
        }

        private void deployLambdaFunction(String name, Map<String, String> harnessEnvironment) {
            String logicalId = GeneratedResources.lambdaFunction(name);
            // Under the names Lambda accepts (they must start with a letter), as the AWS stack sets them.
            Map<String, String> environment = new LinkedHashMap<>();
            harnessEnvironment.forEach((variable, value) -> environment.put(HarnessEnvironment.lambdaName(variable), value));
            environment.put(HarnessEnvironment.lambdaName(HarnessEnvironment.DOUBLE_NAME), name);
            String functionName = physicalName(logicalId, 64);
            String arn = clients.lambda().createFunction(r -> r.functionName(functionName)
                    .runtime("java21")
                    .handler(LambdaRelay.class.getName() + "::handleRequest")
                    .role(roleArn(logicalId + "Role"))
                    .timeout(RESULT_TIMEOUT_SECONDS + 1)
                    .memorySize(512)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(new byte[0])))
                    .environment(e -> e.variables(environment))).functionArn();
            resources.lambdaFunction(name, functionName, ResourceValues.of(logicalId, "AWS::Lambda::Function", "the Lambda function double " + name,
                    functionName, "Arn", arn));
        }

        private void deployStateMachineDouble(String name, Map<String, String> environment) {
            String logicalId = GeneratedResources.stateMachine(name);
            String definition = DoubleStateMachine.definition(name, environment.get(HarnessEnvironment.EVENTS_QUEUE_URL),
                    environment.get(HarnessEnvironment.TEST_CONTEXT_BUCKET), RESULT_TIMEOUT_SECONDS);
            String machineName = physicalName(logicalId, 80);
            String arn = clients.sfn().createStateMachine(r -> r.name(machineName).definition(definition).roleArn(roleArn(logicalId + "Role"))
                    .type("STANDARD")).stateMachineArn();
            resources.stateMachineDouble(name, arn, ResourceValues.of(logicalId, "AWS::StepFunctions::StateMachine",
                    "the state machine double " + name, arn, "Arn", arn, "Name", machineName));
        }

        private void deployBucket(String name) {
            String logicalId = GeneratedResources.s3Bucket(name);
            String bucket = bucketName(logicalId);
            clients.s3().createBucket(r -> r.bucket(bucket));
            resources.s3Bucket(name, bucket, bucketValues(logicalId, "the S3 bucket double " + name, bucket));
        }

        private void deployTable(TableDeclaration table) {
            String logicalId = GeneratedResources.dynamoDbTable(table.name());
            List<AttributeDefinition> attributes = new ArrayList<>();
            List<KeySchemaElement> keys = new ArrayList<>();
            attributes.add(AttributeDefinition.builder().attributeName(table.partitionKey().name()).attributeType(table.partitionKey().type()).build());
            keys.add(KeySchemaElement.builder().attributeName(table.partitionKey().name()).keyType(KeyType.HASH).build());
            if (table.sortKey() != null) {
                attributes.add(AttributeDefinition.builder().attributeName(table.sortKey().name()).attributeType(table.sortKey().type()).build());
                keys.add(KeySchemaElement.builder().attributeName(table.sortKey().name()).keyType(KeyType.RANGE).build());
            }
            clients.dynamoDb().createTable(r -> r.tableName(logicalId).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(attributes)
                    .keySchema(keys));
            resources.dynamoDbTable(table.name(), logicalId, ResourceValues.of(logicalId, "AWS::DynamoDB::Table",
                    "the DynamoDB table double " + table.name(), logicalId, "Arn", tableArn(logicalId)));
        }

        private void deployTaskDefinition(TaskFamilyDeclaration family, Map<String, String> harnessEnvironment) {
            String logicalId = GeneratedResources.ecsTaskDefinition(family.family());
            Map<String, String> environment = new LinkedHashMap<>(harnessEnvironment);
            environment.put(HarnessEnvironment.DOUBLE_NAME, family.family());
            environment.put(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, Long.toString(RESULT_TIMEOUT_SECONDS * 1000L));
            List<KeyValuePair> variables = environment.entrySet().stream()
                    .map(variable -> KeyValuePair.builder().name(variable.getKey()).value(variable.getValue()).build()).toList();
            List<ContainerDefinition> containers = family.containers().stream().map(container -> ContainerDefinition.builder()
                    .name(container).image(RUNNER_IMAGE).essential(true).stopTimeout(STOP_TIMEOUT_SECONDS).environment(variables).build()).toList();
            int cpu = fargateCpu(containers.size());
            String arn = clients.ecs().registerTaskDefinition(r -> r.family(logicalId)
                    .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                    .networkMode(software.amazon.awssdk.services.ecs.model.NetworkMode.AWSVPC)
                    .cpu(Integer.toString(cpu))
                    .memory(Integer.toString(cpu * 2))
                    .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                    .executionRoleArn(roleArn(GeneratedResources.ECS_TASK_EXECUTION_ROLE))
                    .taskRoleArn(roleArn(GeneratedResources.ECS_TASK_ROLE))
                    .containerDefinitions(containers)).taskDefinition().taskDefinitionArn();
            resources.taskDefinition(family.family(), arn, ResourceValues.of(logicalId, "AWS::ECS::TaskDefinition",
                    "the ECS task double " + family.family(), arn, "TaskDefinitionArn", arn));
        }

        private void deployStateMachinesUnderTest() {
            if (declaration.stateMachinesUnderTest().isEmpty()) return;
            Intrinsics.PseudoParameters pseudo = new Intrinsics.PseudoParameters(REGION, ACCOUNT_ID, "aws", STACK_NAME, "amazonaws.com");
            // Their names first, so that state machines under test can refer to each other.
            Intrinsics namesOnly = new Intrinsics(declaration, pseudo, resources.resources());
            Map<String, String> names = new LinkedHashMap<>();
            for (StateMachineUnderTest machine : declaration.stateMachinesUnderTest().values()) {
                String name = machine.name() == null ? machine.logicalId()
                        : namesOnly.resolveScalar(machine.name(), machine.field(machine.resourceType().startsWith("AWS::Serverless") ? "Name"
                                : "StateMachineName"));
                names.put(machine.logicalId(), name);
                String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT_ID + ":stateMachine:" + name;
                resources.resource(ResourceValues.of(machine.logicalId(), machine.resourceType(), "the state machine under test "
                        + machine.logicalId(), arn, "Arn", arn, "Name", name));
            }
            DefinitionRenderer renderer = new DefinitionRenderer(new Intrinsics(declaration, pseudo, resources.resources()), declaration.source());
            for (StateMachineUnderTest machine : declaration.stateMachinesUnderTest().values()) {
                String definition = renderer.render(machine);
                String name = names.get(machine.logicalId());
                String arn;
                try {
                    arn = clients.sfn().createStateMachine(r -> r.name(name).definition(definition).type(machine.type())
                            .roleArn(roleArn(machine.logicalId() + "Role"))).stateMachineArn();
                } catch (SfnException e) {
                    throw new TemplateException(declaration.source().name() + ": Resources." + machine.logicalId() + ": the state machine "
                            + "cannot be created: " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage(), e);
                }
                resources.stateMachineUnderTest(machine.logicalId(), arn, ResourceValues.of(machine.logicalId(), machine.resourceType(),
                        "the state machine under test " + machine.logicalId(), arn, "Arn", arn, "Name", name));
            }
        }

        private static int fargateCpu(int containers) {
            int needed = 256 * containers;
            for (int cpu : new int[] {256, 512, 1024, 2048, 4096}) {
                if (cpu >= needed) return cpu;
            }
            return 4096;
        }

        private static ResourceValues bucketValues(String logicalId, String description, String bucket) {
            return ResourceValues.of(logicalId, "AWS::S3::Bucket", description, bucket, "Arn", "arn:aws:s3:::" + bucket,
                    "DomainName", bucket + ".s3.amazonaws.com", "RegionalDomainName", bucket + ".s3." + REGION + ".amazonaws.com");
        }

        /** S3 bucket names are lower case: the logical id, lower-cased (and shortened to 63 characters). */
        private static String bucketName(String logicalId) {
            return physicalName(logicalId.toLowerCase(Locale.ROOT), 63);
        }

        /** The logical id when it fits in {@code max} characters; else its start and a hash of the whole. */
        private static String physicalName(String logicalId, int max) {
            if (logicalId.length() <= max) return logicalId;
            String hash = String.format("%08x", logicalId.hashCode());
            return logicalId.substring(0, max - 9) + "-" + hash;
        }

        private static String tableArn(String table) {
            return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + table;
        }

        private static String roleArn(String role) {
            return "arn:aws:iam::" + ACCOUNT_ID + ":role/" + role;
        }

    }
}
