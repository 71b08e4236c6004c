package dev.awstestharness.localcloud.internal.sqs;

import java.util.List;
import java.util.Set;

/**
 * A ReceiveMessage call.
 *
 * @param visibilityTimeout seconds, or {@code null} for the queue's
 * @param waitSeconds how long to wait for a message when none is there (long polling)
 * @param systemAttributes the system attribute names asked for ({@code All} for all)
 * @param messageAttributes the message attribute names or {@code prefix.*} patterns asked for ({@code All} or {@code .*} for all)
 */
record ReceiveRequest(int maxMessages, Integer visibilityTimeout, int waitSeconds, Set<String> systemAttributes, List<String> messageAttributes) {}
