package dev.awstestharness.doubles;

import static dev.awstestharness.doubles.LocalDoubles.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.ecs.EcsTaskRunner;
import dev.awstestharness.doubles.lambda.LambdaRelay;
import dev.awstestharness.localcloud.ContainerContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The packaged artifact ({@code doubles-runtime-VERSION-lambda.zip}, what the installer uploads and the runner image
 * holds) runs unchanged: the relay as a Lambda function of the local cloud, loaded from the artifact's {@code lib/} jars
 * alone, and the runner's {@code main} as a container process with the artifact's jars as its only classpath.
 */
@SuppressWarnings("try") // a responder answers while it is open
class LambdaArtifactIT {
    /** The image whose containers run {@code java -cp <artifact>/lib/* EcsTaskRunner <command>}, as the runner image does. */
    static final String ARTIFACT_RUNNER_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/aws-test-harness/ecs-task-runner:artifact";

    static Path unpacked;
    static URLClassLoader lambdaRuntime;
    static LocalDoubles doubles;
    LocalDoubles.Session session;

    @BeforeAll
    static void start() throws IOException {
        unpacked = unpack(artifact());
        // As Lambda's Java runtime does: the function's jars on a class loader whose parent offers the runtime's API only.
        lambdaRuntime = new URLClassLoader("lambda-artifact", urls(jars()), new LambdaRuntimeApi(LambdaArtifactIT.class.getClassLoader()));
        doubles = new LocalDoubles(builder -> builder.lambdaClassLoader(lambdaRuntime).containerImage(ARTIFACT_RUNNER_IMAGE, LambdaArtifactIT::runnerProcess));
    }

    @AfterAll
    static void stop() throws IOException {
        if (doubles != null) doubles.close();
        if (lambdaRuntime != null) lambdaRuntime.close();
    }

    @BeforeEach
    void newSession() {
        session = doubles.newSession();
    }

    static Path artifact() {
        String property = System.getProperty("lambdaArtifact");
        assertThat(property).as("system property lambdaArtifact (set by the pom)").isNotBlank();
        Path artifact = Path.of(property);
        assertThat(artifact).as("the packaged Lambda artifact").isRegularFile();
        return artifact;
    }

    @Test
    void theArtifactHoldsTheJarsUnderLibWithFixedTimesAndNoOtherHttpClient() throws IOException {
        try (ZipFile zip = new ZipFile(artifact().toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).allMatch(name -> name.equals("lib/") || name.startsWith("lib/") && name.endsWith(".jar"));
            assertThat(names).anyMatch(name -> name.matches("lib/doubles-runtime-.*\\.jar")).anyMatch(name -> name.matches("lib/url-connection-client-.*\\.jar"))
                    .noneMatch(name -> name.contains("netty") || name.contains("apache") || name.contains("httpclient"));
            Instant fixed = Instant.parse(System.getProperty("outputTimestamp"));
            assertThat(zip.stream().map(entry -> entry.getLastModifiedTime().toInstant()).distinct().toList())
                    .as("entry times (the pom's project.build.outputTimestamp, in the zip's local time)")
                    .hasSize(1).allSatisfy(time -> assertThat(Duration.between(fixed, time).abs()).isLessThanOrEqualTo(Duration.ofHours(14)));
        }
    }

    @Test
    void theArtifactsClassLoaderSeesNothingOfTheTestsClasspath() throws ClassNotFoundException {
        assertThat(lambdaRuntime.loadClass(LambdaRelay.class.getName()).getClassLoader()).isSameAs(lambdaRuntime);
        assertThat(lambdaRuntime.loadClass("software.amazon.awssdk.services.sqs.SqsClient").getClassLoader()).isSameAs(lambdaRuntime);
        assertThatThrownBy(() -> lambdaRuntime.loadClass("dev.awstestharness.localcloud.LocalCloud")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> lambdaRuntime.loadClass("software.amazon.awssdk.services.lambda.LambdaClient")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theRelayFromTheArtifactRelaysALambdaInvocationAndReturnsTheTwinsValue() {
        String function = relayFunction("First");
        try (TestResponder responder = session.respondWith(invocation ->
                InvocationResult.value(json("{\"value\":" + invocation.payload().get("value").asInt() * 2 + "}")))) {

            InvokeResponse response = doubles.lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{\"value\":21}")));

            assertThat(response.functionError()).isNull();
            assertThat(json(response.payload().asUtf8String())).isEqualTo(json("{\"value\":42}"));
            assertThat(responder.received()).singleElement().satisfies(received -> {
                assertThat(received.invocation().kind()).isEqualTo(DoubleKind.LAMBDA_FUNCTION);
                assertThat(received.invocation().target()).isEqualTo("First");
                assertThat(received.invocation().sessionId()).isEqualTo(session.sessionId);
                assertThat(received.invocation().invocationId()).isEqualTo(response.responseMetadata().requestId());
            });
        }
    }

    @Test
    void theRelayFromTheArtifactReadsItsConfigurationUnderTheNamesLambdaAccepts() {
        // As the generated template configures it on AWS: AWS_TEST_HARNESS_* (Lambda's names must start with a letter).
        String function = relayFunction("Second");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.value(json("\"answered\"")))) {

            InvokeResponse response = doubles.lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{}")));

            assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
            assertThat(json(response.payload().asUtf8String()).asText()).isEqualTo("answered");
            assertThat(responder.received()).singleElement().satisfies(received -> assertThat(received.invocation().target()).isEqualTo("Second"));
        }
    }

    @Test
    void theRelayFromTheArtifactFailsWithTheErrorTypeTheTwinThrows() {
        String function = relayFunction("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.thrown("OrderRejected", "out of stock"))) {

            InvokeResponse response = doubles.lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{}")));

            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response.payload().asUtf8String()).get("errorType").asText()).isEqualTo("OrderRejected");
            assertThat(json(response.payload().asUtf8String()).get("errorMessage").asText()).isEqualTo("out of stock");
        }
    }

    @Test
    void theRunnerMainFromTheArtifactExitsWithTheTwinsExitCode() {
        String family = LocalDoubles.uniqueName("FirstAWSTestHarnessECSTaskDefinition");
        List<KeyValuePair> variables = session.environment("First").entrySet().stream()
                .map(entry -> KeyValuePair.builder().name(entry.getKey()).value(entry.getValue()).build()).toList();
        String definition = doubles.ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").executionRoleArn(LocalDoubles.ROLE)
                .containerDefinitions(ContainerDefinition.builder().name("Blue").image(ARTIFACT_RUNNER_IMAGE).essential(true)
                        .environment(variables).command("--flag", "a value").build())).taskDefinition().taskDefinitionArn();
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(42))) {

            String taskArn = doubles.ecs.runTask(r -> r.taskDefinition(definition).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").assignPublicIp(AssignPublicIp.DISABLED))))
                    .tasks().get(0).taskArn();
            Task task = awaitStopped(taskArn, Duration.ofSeconds(60));

            assertThat(task.containers()).singleElement().satisfies(container -> assertThat(container.exitCode()).isEqualTo(42));
            assertThat(responder.received()).singleElement().satisfies(received -> {
                assertThat(received.invocation().kind()).isEqualTo(DoubleKind.ECS_TASK_CONTAINER);
                assertThat(received.invocation().target()).isEqualTo("First#Blue");
                assertThat(received.invocation().payload().get("commandArgs")).isEqualTo(json("[\"--flag\",\"a value\"]"));
            });
        }
    }

    String relayFunction(String doubleName) {
        return relayFunction(doubleName, session.lambdaEnvironment(doubleName));
    }

    String relayFunction(String doubleName, java.util.Map<String, String> environment) {
        String name = LocalDoubles.uniqueName(doubleName + "AWSTestHarnessLambdaFunction");
        doubles.lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).handler(LambdaRelay.class.getName())
                .role(LocalDoubles.ROLE).timeout(10).environment(e -> e.variables(environment))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(readAllBytes(artifact())))));
        return name;
    }

    static Task awaitStopped(String taskArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Task task = doubles.ecs.describeTasks(r -> r.tasks(taskArn)).tasks().get(0);
            if ("STOPPED".equals(task.lastStatus())) return task;
            if (System.nanoTime() > deadline) throw new AssertionError("Task " + taskArn + " did not stop within " + timeout + ": " + task);
            LocalDoubles.sleep(Duration.ofMillis(5));
        }
    }

    /** {@code java -cp <artifact>/lib/* EcsTaskRunner <command>} with the container's environment; stopping the task sends SIGTERM. */
    static int runnerProcess(ContainerContext context) throws Exception {
        return LocalDoubles.runRunnerProcess(unpacked.resolve("lib") + "/*", context, System.err);
    }

    static Path unpack(Path zip) throws IOException {
        Path directory = Files.createTempDirectory("lambda-artifact");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) throw new IOException("Entry outside the archive's directory: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return directory;
    }

    static List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.list(unpacked.resolve("lib"))) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }

    static URL[] urls(List<Path> jars) {
        return jars.stream().map(jar -> {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jar.toString(), e);
            }
        }).toArray(URL[]::new);
    }

    static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The parent of the function's class loader: the JDK plus the Lambda Java runtime's API
     * ({@code com.amazonaws.services.lambda.runtime}), which Lambda's runtime loads before the function's own jars (so the
     * function's copy of aws-lambda-java-core is never used, as on AWS).
     */
    static final class LambdaRuntimeApi extends ClassLoader {
        private static final String API_PACKAGE = "com.amazonaws.services.lambda.runtime.";
        private final ClassLoader runtime;

        LambdaRuntimeApi(ClassLoader runtime) {
            super("lambda-runtime-api", ClassLoader.getPlatformClassLoader());
            this.runtime = runtime;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(API_PACKAGE)) return runtime.loadClass(name);
            throw new ClassNotFoundException(name);
        }
    }
}
