package dev.awstestharness.doubles.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.aws.DoubleClients;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.TestContextBucket;
import dev.awstestharness.doubles.internal.ResultWaiter;
import dev.awstestharness.doubles.internal.Settings;
import java.io.IOException;
import software.amazon.awssdk.core.exception.AbortedException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The program of every container of an ECS task double (the runner image's entry point; locally the
 * {@code ContainerProgram} of the runner image runs {@link #run} in-process).
 *
 * <p>It reads its container's name and task from the container metadata endpoint v4
 * ({@code ECS_CONTAINER_METADATA_URI_V4}), reads the mocking session id from the test-context bucket, sends an
 * {@link Invocation} (kind {@link DoubleKind#ECS_TASK_CONTAINER}, target {@code <double name>#<container name>}, id a
 * UUID, payload {@code {"commandArgs": [...], "environment": {...}}} with every variable except the harness's own
 * {@code __AWS_TEST_HARNESS__*}) to the events queue, waits for its result item like the Lambda relay does, and exits with
 * the exit code the twin returned. Without an answer within {@link HarnessEnvironment#RESULT_TIMEOUT_MILLIS} (default
 * {@value #DEFAULT_TIMEOUT_MILLIS} ms) it says so on stderr, naming the container and the invocation, and exits with 1;
 * so it does on any other failure (a missing variable, an unreachable service, a twin's error).
 */
public final class EcsTaskRunner {
    /** How long a container waits for its exit code when {@link HarnessEnvironment#RESULT_TIMEOUT_MILLIS} is not set. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 60_000;
    /** The exit code of a container that could not get an exit code from its twin. */
    public static final int FAILURE_EXIT_CODE = 1;
    /** The exit code of a container stopped (SIGTERM, or its thread interrupted locally) while waiting. */
    public static final int STOPPED_EXIT_CODE = 143;
    /**
     * How long a container told to stop (SIGTERM; its thread interrupted locally) while waiting still waits for its
     * answer: the twin may be answering at that moment, for instance when a sibling container's exit stopped the task.
     */
    public static final Duration STOPPING_GRACE = Duration.ofSeconds(3);
    /** The environment variable with the container metadata endpoint v4. */
    public static final String METADATA_URI_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final int METADATA_ATTEMPTS = 3;
    private static volatile HttpClient http;

    private EcsTaskRunner() {}

    /**
     * The container's entry point: runs with the process environment and exits with the twin's exit code. On SIGTERM
     * (ECS stopping the task, for instance because an essential sibling container exited) it keeps waiting for the
     * answer for at most {@link #STOPPING_GRACE} and exits with it, or with {@value #STOPPED_EXIT_CODE}.
     */
    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger(STOPPED_EXIT_CODE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Also runs after System.exit below, when done is already counted down.
            if (done.getCount() > 0) main.interrupt();
            try {
                if (done.await(STOPPING_GRACE.toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aws-test-harness-sigterm"));
        exitCode.set(run(System.getenv(), List.of(args)));
        done.countDown();
        System.exit(exitCode.get());
    }

    /**
     * Runs one container: relays its command arguments and environment to the harness and returns the exit code the
     * twin chose ({@value #FAILURE_EXIT_CODE} when there was none; {@value #STOPPED_EXIT_CODE} when its thread was
     * interrupted, as the local cloud does on stopping a task, and no answer came within {@link #STOPPING_GRACE} after).
     * Problems are reported on {@link System#err}.
     */
    public static int run(Map<String, String> environment, List<String> commandArgs) {
        return run(environment, commandArgs, System.err);
    }

    /** {@link #run(Map, List)} reporting problems on {@code err}. */
    public static int run(Map<String, String> environment, List<String> commandArgs, PrintStream err) {
        String container = "ECS task container double";
        String invocationId = UUID.randomUUID().toString();
        Stopping stopping = new Stopping();
        try {
            Settings settings = new Settings(environment, container);
            String metadataUri = settings.required(METADATA_URI_VARIABLE);
            ContainerMetadata metadata = stopping.finish(() -> ContainerMetadata.read(metadataUri));
            String declaredName = environment.get(HarnessEnvironment.DOUBLE_NAME);
            String family = declaredName != null && !declaredName.isBlank() ? declaredName.strip() : metadata.family();
            String target = family + "#" + metadata.containerName();
            container = "ECS task container double '" + target + "' (task " + metadata.taskArn() + ")";
            settings = new Settings(environment, container);
            String queueUrl = settings.required(HarnessEnvironment.EVENTS_QUEUE_URL);
            String table = settings.required(HarnessEnvironment.RESULTS_TABLE);
            String bucket = settings.required(HarnessEnvironment.TEST_CONTEXT_BUCKET);
            Long configured = settings.resultTimeoutMillis();
            Duration timeout = Duration.ofMillis(configured != null ? configured : DEFAULT_TIMEOUT_MILLIS);
            DoubleClients clients = DoubleClients.shared(environment);

            String sessionId = stopping.finish(() -> TestContextBucket.readSessionId(clients.s3(), bucket));
            Invocation invocation = new Invocation(invocationId, DoubleKind.ECS_TASK_CONTAINER, target, payload(environment, commandArgs),
                    sessionId, null);
            stopping.finish(() -> {
                EventsQueue.send(clients.sqs(), queueUrl, invocation);
                return null;
            });
            long deadline = System.nanoTime() + timeout.toNanos();
            Optional<InvocationResult> answer = Optional.empty();
            boolean answered = false;
            if (!stopping.requested()) {
                try {
                    answer = ResultWaiter.await(clients.dynamoDb(), table, invocation.resultKey(), timeout);
                    answered = true;
                } catch (InterruptedException | RuntimeException e) {
                    if (!interruption(e)) throw e;
                    Thread.interrupted();
                    stopping.request();
                }
            }
            if (!answered) {
                // Told to stop: the answer may be on its way (a sibling's exit stops the task), so wait a little longer; a second
                // interrupt ends it.
                Duration left = Duration.ofNanos(Math.max(0, Math.min(deadline - System.nanoTime(), stopping.graceLeftNanos())));
                answer = ResultWaiter.await(clients.dynamoDb(), table, invocation.resultKey(), left);
                if (answer.isEmpty()) {
                    err.println("The " + container + " was stopped while waiting for the answer to invocation " + invocationId
                            + " and had none within " + left.toMillis() + " ms more; exiting with " + STOPPED_EXIT_CODE + ".");
                    return STOPPED_EXIT_CODE;
                }
            }
            if (answer.isEmpty()) {
                err.println("No answer from the harness for invocation " + invocationId + " of " + container + " within " + timeout.toMillis()
                        + " ms; is the test's harness running and is its session current? Exiting with " + FAILURE_EXIT_CODE + ".");
                return FAILURE_EXIT_CODE;
            }
            InvocationResult result = answer.get();
            return switch (result.outcome()) {
                case EXIT -> result.exitCode();
                case THROW -> report(err, container, invocationId, result.errorType(), result.errorMessage());
                case FAIL -> report(err, container, invocationId, result.error(), result.cause());
                case VALUE -> report(err, container, invocationId, "AwsTestHarness.UnexpectedResult",
                        "the harness answered with a value instead of an exit code: " + result.value());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("The " + container + " was stopped while relaying invocation " + invocationId + "; exiting with " + STOPPED_EXIT_CODE + ".");
            return STOPPED_EXIT_CODE;
        } catch (RuntimeException e) {
            if (interruption(e)) {
                err.println("The " + container + " was stopped while relaying invocation " + invocationId + "; exiting with " + STOPPED_EXIT_CODE + ".");
                return STOPPED_EXIT_CODE;
            }
            err.println("The " + container + " could not relay invocation " + invocationId + ": " + e + "; exiting with " + FAILURE_EXIT_CODE + ".");
            return FAILURE_EXIT_CODE;
        }
    }

    /**
     * The first stop signal (an interrupt) does not end the relay: ECS stops every container of a task when an essential
     * one exits, often before a sibling has even sent its invocation, and the test programmed that sibling's exit code
     * too. So the step under way is done again and the container gets {@link #STOPPING_GRACE} to finish; a second
     * interrupt ends it.
     */
    private static final class Stopping {
        private long graceDeadline;
        private boolean requested;

        interface Step<T> {
            T run() throws InterruptedException;
        }

        <T> T finish(Step<T> step) throws InterruptedException {
            while (true) {
                try {
                    return step.run();
                } catch (InterruptedException | RuntimeException e) {
                    if (!interruption(e)) throw (RuntimeException) e;
                    if (requested || graceLeftNanos() <= 0) throw new InterruptedException("stopped twice");
                    Thread.interrupted();
                    request();
                }
            }
        }

        void request() {
            if (!requested) {
                requested = true;
                graceDeadline = System.nanoTime() + STOPPING_GRACE.toNanos();
            }
        }

        boolean requested() {
            return requested;
        }

        long graceLeftNanos() {
            return requested ? graceDeadline - System.nanoTime() : STOPPING_GRACE.toNanos();
        }
    }

    /** Whether {@code e} means that the thread was interrupted (the SDK reports it as AbortedException or a wrapped cause). */
    private static boolean interruption(Exception e) {
        if (e instanceof InterruptedException || e instanceof AbortedException || Thread.currentThread().isInterrupted()) return true;
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException
                    || cause instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static int report(PrintStream err, String container, String invocationId, String error, String message) {
        err.println("The twin of the " + container + " failed invocation " + invocationId + ": " + (error != null ? error : "Exception") + ": "
                + message + "; exiting with " + FAILURE_EXIT_CODE + ".");
        return FAILURE_EXIT_CODE;
    }

    /** {@code {"commandArgs": [...], "environment": {...}}}, the environment sorted by name and without the harness's variables. */
    static JsonNode payload(Map<String, String> environment, List<String> commandArgs) {
        ObjectNode payload = MAPPER.createObjectNode();
        var args = payload.putArray("commandArgs");
        commandArgs.forEach(args::add);
        ObjectNode variables = payload.putObject("environment");
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!HarnessEnvironment.isHarnessVariable(name)) variables.put(name, value);
        });
        return payload;
    }

    /** What the runner needs from {@code GET ${ECS_CONTAINER_METADATA_URI_V4}}. */
    record ContainerMetadata(String containerName, String family, String revision, String taskArn, String cluster) {
        static ContainerMetadata read(String endpoint) throws InterruptedException {
            URI uri;
            try {
                uri = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(METADATA_URI_VARIABLE + " is not a URL: '" + endpoint + "'", e);
            }
            String body = null;
            Exception last = null;
            for (int attempt = 1; attempt <= METADATA_ATTEMPTS && body == null; attempt++) {
                try {
                    HttpResponse<String> response = client().send(HttpRequest.newBuilder(uri).timeout(METADATA_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        body = response.body();
                    } else {
                        last = new IllegalStateException("status " + response.statusCode() + ": " + response.body());
                    }
                } catch (IOException e) {
                    last = e;
                }
                if (body == null && attempt < METADATA_ATTEMPTS) Thread.sleep(100L * attempt);
            }
            if (body == null) throw new IllegalStateException("Cannot read the container metadata from " + uri + ": " + last, last);
            return parse(body, uri);
        }

        static ContainerMetadata parse(String body, URI from) {
            JsonNode json;
            try {
                json = MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("The container metadata from " + from + " is not JSON: " + body, e);
            }
            JsonNode labels = json.path("Labels");
            String name = text(json.path("Name"));
            if (name == null) name = text(labels.path("com.amazonaws.ecs.container-name"));
            String family = text(labels.path("com.amazonaws.ecs.task-definition-family"));
            if (name == null || family == null) {
                throw new IllegalStateException("The container metadata from " + from + " lacks the container's Name or the label "
                        + "com.amazonaws.ecs.task-definition-family: " + body);
            }
            return new ContainerMetadata(name, family, text(labels.path("com.amazonaws.ecs.task-definition-version")),
                    text(labels.path("com.amazonaws.ecs.task-arn")), text(labels.path("com.amazonaws.ecs.cluster")));
        }

        private static String text(JsonNode node) {
            return node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
        }
    }

    private static HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            synchronized (EcsTaskRunner.class) {
                client = http;
                if (client == null) {
                    http = client = HttpClient.newBuilder().connectTimeout(METADATA_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
                }
            }
        }
        return client;
    }
}
