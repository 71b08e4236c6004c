package dev.awstestharness.doubles.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The definition (Amazon States Language) of a state machine double, deployed as a STANDARD state machine (it waits
 * on a task token, which Express workflows cannot).
 *
 * <p>An execution reads the mocking session id from the test-context bucket ({@code aws-sdk:s3:getObject}), then sends
 * its {@link Invocation} to the events queue with {@code sqs:sendMessage.waitForTaskToken}: body
 * {@code {"invocationId": $$.Execution.Id, "kind": "STATE_MACHINE", "target": <double name>, "payload": $$.Execution.Input,
 * "sessionId", "taskToken": $$.Task.Token}}, message group and deduplication id the SHA-256 hex digest of the execution
 * ARN (an ARN can exceed the 128 characters SQS allows), and the {@link EventsQueue} attributes. The harness answers on
 * the token: SendTaskSuccess makes the execution succeed with exactly the twin's value as output; SendTaskFailure makes
 * it fail with the twin's error and cause. No polling. This works however the execution is started: StartExecution, a
 * parent's {@code states:startExecution}, {@code .sync}, {@code .sync:2} or {@code .waitForTaskToken} (for which the
 * twin finds the parent's token in its input, {@code AWS_STEP_FUNCTIONS_TASK_TOKEN} by convention, and calls back
 * itself).
 *
 * <p>Without an answer within the result timeout ({@value #DEFAULT_RESULT_TIMEOUT_SECONDS} s unless given) the
 * execution fails with {@value #NO_ANSWER_ERROR} and a cause naming the double and the invocation; when the session
 * cannot be read it fails with the S3 error and a cause saying what it tried to read.
 *
 * <p>The definition text is {@link #RESOURCE}, where {@code ${DoubleName}}, {@code ${EventsQueueUrl}},
 * {@code ${TestContextBucketName}} and {@code ${Partition}} stand for the double's values; {@link #definition}
 * substitutes them, {@link #definitionTemplate} leaves them for CloudFormation's {@code DefinitionSubstitutions}.
 */
public final class DoubleStateMachine {
    /** The classpath resource holding the definition, with its placeholders. */
    public static final String RESOURCE = "/dev/awstestharness/doubles/double-state-machine.asl.json";
    /** Placeholder ({@code ${DoubleName}}) for the double's declared name, the invocation's target. */
    public static final String DOUBLE_NAME_PLACEHOLDER = "DoubleName";
    /** Placeholder ({@code ${EventsQueueUrl}}) for the events queue's URL. */
    public static final String EVENTS_QUEUE_URL_PLACEHOLDER = "EventsQueueUrl";
    /** Placeholder ({@code ${TestContextBucketName}}) for the test-context bucket's name. */
    public static final String TEST_CONTEXT_BUCKET_PLACEHOLDER = "TestContextBucketName";
    /**
     * Placeholder ({@code ${Partition}}) for the partition in the integrations' resource ARNs: {@code aws}, or
     * {@code aws-cn} and {@code aws-us-gov} there.
     */
    public static final String PARTITION_PLACEHOLDER = "Partition";
    /** How long an execution waits for the harness's answer unless told otherwise. */
    public static final int DEFAULT_RESULT_TIMEOUT_SECONDS = 300;
    /** The error of an execution that had no answer in time. */
    public static final String NO_ANSWER_ERROR = "AwsTestHarness.NoAnswer";
    /** The kind its invocations carry. */
    public static final DoubleKind KIND = DoubleKind.STATE_MACHINE;

    private static final String TIMEOUT_PLACEHOLDER = "ResultTimeoutSeconds";
    private static final String WAITING_STATE = "Ask the harness";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNode TEMPLATE = load();

    private DoubleStateMachine() {}

    /** The definition of the double {@code doubleName}, waiting {@value #DEFAULT_RESULT_TIMEOUT_SECONDS} s for answers. */
    public static String definition(String doubleName, String eventsQueueUrl, String testContextBucket) {
        return definition(doubleName, eventsQueueUrl, testContextBucket, DEFAULT_RESULT_TIMEOUT_SECONDS);
    }

    /** The definition of the double {@code doubleName}, waiting {@code resultTimeoutSeconds} (at least 1) for answers. */
    public static String definition(String doubleName, String eventsQueueUrl, String testContextBucket, int resultTimeoutSeconds) {
        Objects.requireNonNull(doubleName, "doubleName");
        Objects.requireNonNull(eventsQueueUrl, "eventsQueueUrl");
        Objects.requireNonNull(testContextBucket, "testContextBucket");
        if (doubleName.isBlank()) throw new IllegalArgumentException("doubleName must not be blank");
        // The local cloud is in the aws partition.
        return render(resultTimeoutSeconds, Map.of(DOUBLE_NAME_PLACEHOLDER, doubleName, EVENTS_QUEUE_URL_PLACEHOLDER, eventsQueueUrl,
                TEST_CONTEXT_BUCKET_PLACEHOLDER, testContextBucket, PARTITION_PLACEHOLDER, "aws"));
    }

    /**
     * The definition with the placeholders {@code ${DoubleName}}, {@code ${EventsQueueUrl}},
     * {@code ${TestContextBucketName}} and {@code ${Partition}} left in, waiting {@value #DEFAULT_RESULT_TIMEOUT_SECONDS} s for answers.
     */
    public static String definitionTemplate() {
        return definitionTemplate(DEFAULT_RESULT_TIMEOUT_SECONDS);
    }

    /** {@link #definitionTemplate()} waiting {@code resultTimeoutSeconds} (at least 1) for answers. */
    public static String definitionTemplate(int resultTimeoutSeconds) {
        return render(resultTimeoutSeconds, Map.of());
    }

    private static String render(int resultTimeoutSeconds, Map<String, String> values) {
        if (resultTimeoutSeconds < 1) throw new IllegalArgumentException("resultTimeoutSeconds must be 1 or more but was " + resultTimeoutSeconds);
        JsonNode definition = TEMPLATE.deepCopy();
        ((ObjectNode) definition.path("States").path(WAITING_STATE)).put("TimeoutSeconds", resultTimeoutSeconds);
        Map<String, String> substitutions = new java.util.HashMap<>(values);
        substitutions.put(TIMEOUT_PLACEHOLDER, Integer.toString(resultTimeoutSeconds));
        JsonNode substituted = substitute(definition, substitutions);
        try {
            return MAPPER.writeValueAsString(substituted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (Map.Entry<String, String> value : values.entrySet()) text = text.replace("${" + value.getKey() + "}", value.getValue());
            return TextNode.valueOf(text);
        }
        if (node instanceof ObjectNode object) {
            for (String name : new java.util.ArrayList<>(object.properties().stream().map(Map.Entry::getKey).toList())) object.replace(name, substitute(object.get(name), values));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, substitute(array.get(i), values));
        }
        return node;
    }

    private static JsonNode load() {
        try (InputStream in = DoubleStateMachine.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("The resource " + RESOURCE + " is missing from the doubles-runtime jar");
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
