package dev.awstestharness.doubles.contract;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The SQS FIFO queue on which doubles send their invocations to the harness. The body is {@link Invocation#toJson()};
 * the message group and the deduplication id are the invocation id (for a state machine double, whose invocation id
 * is its execution ARN and may be longer than the 128 characters SQS allows, the SHA-256 hex digest of it), so that
 * calls of one double never wait for each other and a call is never dropped as a duplicate of another. Two message
 * attributes let a listener filter without parsing the body.
 */
public final class EventsQueue {
    /** Message attribute with the mocking session the invocation belongs to (also in the body). */
    public static final String SESSION_ATTRIBUTE = "MockingSessionId";
    /** Message attribute with the {@link DoubleKind}. */
    public static final String KIND_ATTRIBUTE = "InvocationKind";

    private EventsQueue() {}

    /**
     * Sends an invocation as the Lambda relay and the ECS runner do: body {@link Invocation#toJson()}, group and
     * deduplication id {@link Invocation#invocationId()}, attributes {@link #SESSION_ATTRIBUTE} (when the invocation
     * has a session) and {@link #KIND_ATTRIBUTE}.
     *
     * @return the message id
     */
    public static String send(SqsClient sqs, String queueUrl, Invocation invocation) {
        Map<String, MessageAttributeValue> attributes = new java.util.LinkedHashMap<>();
        if (invocation.sessionId() != null && !invocation.sessionId().isEmpty()) {
            attributes.put(SESSION_ATTRIBUTE, string(invocation.sessionId()));
        }
        attributes.put(KIND_ATTRIBUTE, string(invocation.kind().name()));
        return sqs.sendMessage(r -> r.queueUrl(queueUrl)
                        .messageBody(invocation.toJson())
                        .messageGroupId(invocation.invocationId())
                        .messageDeduplicationId(invocation.invocationId())
                        .messageAttributes(attributes))
                .messageId();
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
