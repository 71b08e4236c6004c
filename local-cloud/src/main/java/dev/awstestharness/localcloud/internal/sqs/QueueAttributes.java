package dev.awstestharness.localcloud.internal.sqs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settable attributes of a queue, validated as SQS validates them. Values are kept as the strings the caller
 * gave (SQS echoes them back that way); the numeric ones are read through the accessors.
 */
final class QueueAttributes {
    static final Set<String> READ_ONLY = Set.of("QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp");
    private static final Set<String> FREE_TEXT = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId");
    private static final Set<String> FIFO_ONLY = Set.of("ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");

    private final Map<String, String> values = new LinkedHashMap<>();

    private QueueAttributes() {}

    static QueueAttributes defaults(boolean fifo) {
        QueueAttributes attributes = new QueueAttributes();
        attributes.values.put("VisibilityTimeout", "30");
        attributes.values.put("MaximumMessageSize", "262144");
        attributes.values.put("MessageRetentionPeriod", "345600");
        attributes.values.put("DelaySeconds", "0");
        attributes.values.put("ReceiveMessageWaitTimeSeconds", "0");
        attributes.values.put("SqsManagedSseEnabled", "true");
        if (fifo) {
            attributes.values.put("FifoQueue", "true");
            attributes.values.put("ContentBasedDeduplication", "false");
            attributes.values.put("DeduplicationScope", "queue");
            attributes.values.put("FifoThroughputLimit", "perQueue");
        }
        return attributes;
    }

    /**
     * Checks and applies attributes from CreateQueue or SetQueueAttributes.
     *
     * @param creating whether {@code FifoQueue} may be given (only CreateQueue may)
     */
    void apply(Map<String, String> requested, boolean fifo, boolean creating) {
        Map<String, String> checked = new LinkedHashMap<>();
        requested.forEach((name, value) -> checked.put(name, check(name, value, fifo, creating)));
        checked.forEach((name, value) -> {
            if (!name.equals("FifoQueue")) values.put(name, value);
        });
    }

    private static String check(String name, String value, boolean fifo, boolean creating) {
        switch (name) {
            case "VisibilityTimeout" -> range(name, value, 0, 43_200);
            case "MaximumMessageSize" -> range(name, value, 1_024, 1_048_576);
            case "MessageRetentionPeriod" -> range(name, value, 60, 1_209_600);
            case "DelaySeconds" -> range(name, value, 0, 900);
            case "ReceiveMessageWaitTimeSeconds" -> range(name, value, 0, 20);
            case "KmsDataKeyReusePeriodSeconds" -> range(name, value, 60, 86_400);
            case "SqsManagedSseEnabled" -> bool(name, value);
            case "FifoQueue" -> {
                if (!creating) throw SqsException.invalidAttributeName(name);
                bool(name, value);
            }
            case "ContentBasedDeduplication" -> bool(name, value);
            case "DeduplicationScope" -> oneOf(name, value, "messageGroup", "queue");
            case "FifoThroughputLimit" -> oneOf(name, value, "perQueue", "perMessageGroupId");
            default -> {
                if (!FREE_TEXT.contains(name)) throw SqsException.invalidAttributeName(name);
            }
        }
        if (!fifo && FIFO_ONLY.contains(name)) throw SqsException.invalidAttributeName(name);
        return value;
    }

    private static void range(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqsException.invalidAttributeValue("Invalid value for the parameter " + name + ".");
    }

    private static void bool(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SqsException.invalidAttributeValue("Invalid value for the parameter " + name + ".");
        }
    }

    private static void oneOf(String name, String value, String... allowed) {
        for (String candidate : allowed) if (candidate.equals(value)) return;
        throw SqsException.invalidAttributeValue("Invalid value for the parameter " + name + ".");
    }

    /** The name of the first attribute whose value differs from {@code requested}, or {@code null} when all match. */
    String firstDifference(Map<String, String> requested) {
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String current = values.get(entry.getKey());
            if (current == null || !normalise(current).equals(normalise(entry.getValue()))) return entry.getKey();
        }
        return null;
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase();
    }

    Map<String, String> values() {
        return values;
    }

    int visibilityTimeout() {
        return Integer.parseInt(values.get("VisibilityTimeout").strip());
    }

    int maximumMessageSize() {
        return Integer.parseInt(values.get("MaximumMessageSize").strip());
    }

    int messageRetentionPeriod() {
        return Integer.parseInt(values.get("MessageRetentionPeriod").strip());
    }

    int delaySeconds() {
        return Integer.parseInt(values.get("DelaySeconds").strip());
    }

    int receiveMessageWaitTimeSeconds() {
        return Integer.parseInt(values.get("ReceiveMessageWaitTimeSeconds").strip());
    }

    boolean contentBasedDeduplication() {
        return Boolean.parseBoolean(values.getOrDefault("ContentBasedDeduplication", "false").strip());
    }
}
