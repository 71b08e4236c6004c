package dev.awstestharness.localcloud.internal.sqs;

import java.util.Map;

/** A message in a queue, with its delivery state. Guarded by the lock of its {@link SqsQueue}. */
final class SqsMessage {
    final String messageId;
    final String body;
    final String md5OfBody;
    final Map<String, MessageAttribute> attributes;
    final String md5OfAttributes;
    final long sentAtMillis;
    final String groupId;
    final String deduplicationId;
    final String sequenceNumber;

    long visibleAtMillis;
    int receiveCount;
    long firstReceivedAtMillis;
    /** The handle of the latest receive; {@code null} before the first one. */
    String receiptHandle;

    SqsMessage(String messageId, String body, Map<String, MessageAttribute> attributes, long sentAtMillis, long visibleAtMillis,
            String groupId, String deduplicationId, String sequenceNumber) {
        this.messageId = messageId;
        this.body = body;
        this.md5OfBody = MessageDigests.ofBody(body);
        this.attributes = Map.copyOf(attributes);
        this.md5OfAttributes = MessageDigests.ofAttributes(attributes);
        this.sentAtMillis = sentAtMillis;
        this.visibleAtMillis = visibleAtMillis;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
    }

    boolean isVisible(long now) {
        return now >= visibleAtMillis;
    }

    /** Received and its visibility timeout not yet over. */
    boolean isInFlight(long now) {
        return receiptHandle != null && !isVisible(now);
    }

    /** Not yet visible because of a delay, never received. */
    boolean isDelayed(long now) {
        return receiptHandle == null && !isVisible(now);
    }
}
