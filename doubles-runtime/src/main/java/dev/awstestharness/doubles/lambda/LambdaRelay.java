package dev.awstestharness.doubles.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Lambda function double: a real Lambda handler ({@code dev.awstestharness.doubles.lambda.LambdaRelay}, deployable
 * as it is) that relays each invocation to the test's harness and answers with what the test's twin decided.
 *
 * <p>Per invocation it reads the mocking session id from the test-context bucket, sends an {@link Invocation} (kind
 * {@link DoubleKind#LAMBDA_FUNCTION}, target the double's name, id the Lambda request id, payload the event) to the
 * events queue, and polls the results table for the item {@code <name>#<request id>} (a consistent GetItem, after 1 ms
 * and backing off to 20 ms). It then returns the result's value, or throws an exception whose class name is the
 * requested error type ({@code Exception} unless the twin named one), which Lambda reports as the function's
 * {@code errorType}, with the requested message as {@code errorMessage}.
 *
 * <p>It waits at most the milliseconds in {@link HarnessEnvironment#RESULT_TIMEOUT_MILLIS}, and never longer than the
 * function's remaining time less one second (half the remaining time when that is under two seconds), so that it fails
 * before Lambda times it out, with an {@code AwsTestHarness.NoAnswer} error naming the double and the invocation.
 *
 * <p>Configuration, from the function's environment: {@link HarnessEnvironment#DOUBLE_NAME},
 * {@link HarnessEnvironment#EVENTS_QUEUE_URL}, {@link HarnessEnvironment#RESULTS_TABLE},
 * {@link HarnessEnvironment#TEST_CONTEXT_BUCKET}, optionally {@link HarnessEnvironment#RESULT_TIMEOUT_MILLIS} and, on
 * the local target, {@link HarnessEnvironment#ENDPOINT_URL}.
 */
public class LambdaRelay implements RequestStreamHandler {
    /** The error type of a relay that had no answer in time. */
    public static final String NO_ANSWER_ERROR = "AwsTestHarness.NoAnswer";
    /** The error type of a relay given a result it cannot return (an exit code). */
    public static final String UNEXPECTED_RESULT_ERROR = "AwsTestHarness.UnexpectedResult";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The wait when the handler is called without a Lambda context and no timeout is configured. */
    private static final long DEFAULT_TIMEOUT_WITHOUT_CONTEXT_MILLIS = 10_000;

    private final Map<String, String> environment;

    /** As AWS's Lambda runtime constructs it: configured by the process environment. */
    public LambdaRelay() {
        this(System.getenv());
    }

    /** Configured by {@code environment}: how the local cloud constructs it, giving the function's own variables. */
    public LambdaRelay(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String name = HarnessEnvironment.value(environment, HarnessEnvironment.DOUBLE_NAME);
        String description = "Lambda function double '" + (name != null ? name : context != null ? context.getFunctionName() : "?") + "'";
        Settings settings = new Settings(environment, description);
        String target = settings.required(HarnessEnvironment.DOUBLE_NAME);
        String queueUrl = settings.required(HarnessEnvironment.EVENTS_QUEUE_URL);
        String table = settings.required(HarnessEnvironment.RESULTS_TABLE);
        String bucket = settings.required(HarnessEnvironment.TEST_CONTEXT_BUCKET);
        Duration timeout = timeout(settings.resultTimeoutMillis(), context);
        DoubleClients clients = DoubleClients.shared(environment);

        String invocationId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        String sessionId = TestContextBucket.readSessionId(clients.s3(), bucket);
        Invocation invocation = new Invocation(invocationId, DoubleKind.LAMBDA_FUNCTION, target, event(input), sessionId, null);
        EventsQueue.send(clients.sqs(), queueUrl, invocation);

        Optional<InvocationResult> answer;
        try {
            answer = ResultWaiter.await(clients.dynamoDb(), table, invocation.resultKey(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The " + description + " was stopped while waiting for the answer to invocation " + invocationId, e);
        }
        InvocationResult result = answer.orElseThrow(() -> sneaky(ErrorTypes.create(NO_ANSWER_ERROR, "No answer from the harness for invocation "
                + invocationId + " of " + description + " within " + timeout.toMillis() + " ms; is the test's harness running and is its "
                + "session current?")));
        switch (result.outcome()) {
            case VALUE -> {
                JsonNode value = result.value() == null ? MAPPER.nullNode() : result.value();
                output.write(MAPPER.writeValueAsBytes(value));
            }
            case THROW -> throw sneaky(ErrorTypes.create(result.errorType(), result.errorMessage()));
            case FAIL -> throw sneaky(ErrorTypes.create(result.error(), result.cause()));
            case EXIT -> throw sneaky(ErrorTypes.create(UNEXPECTED_RESULT_ERROR, "The harness answered invocation " + invocationId + " of "
                    + description + " with exit code " + result.exitCode() + ", which only an ECS task container double can return"));
        }
    }

    /** How long to wait: the configured time, capped to leave Lambda a second to report the failure. */
    static Duration timeout(Long configuredMillis, Context context) {
        if (context == null) return Duration.ofMillis(configuredMillis != null ? configuredMillis : DEFAULT_TIMEOUT_WITHOUT_CONTEXT_MILLIS);
        long remaining = context.getRemainingTimeInMillis();
        long cap = remaining >= 2_000 ? remaining - 1_000 : remaining / 2;
        return Duration.ofMillis(configuredMillis != null ? Math.min(configuredMillis, cap) : cap);
    }

    private static JsonNode event(InputStream input) throws IOException {
        byte[] bytes = input.readAllBytes();
        if (bytes.length == 0) return MAPPER.nullNode();
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Lambda only passes JSON; keep anything else as text rather than lose the call.
            return MAPPER.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Throws any throwable unchecked: the generated error types are runtime exceptions, a JDK type may be checked. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable error) throws T {
        throw (T) error;
    }
}
