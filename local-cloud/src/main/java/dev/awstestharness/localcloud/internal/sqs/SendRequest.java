package dev.awstestharness.localcloud.internal.sqs;

import java.util.Map;

/** One message to send, as SendMessage or a SendMessageBatch entry gives it. {@code delaySeconds} is {@code null} when not given. */
record SendRequest(String body, Map<String, MessageAttribute> attributes, Integer delaySeconds, String groupId, String deduplicationId) {}
