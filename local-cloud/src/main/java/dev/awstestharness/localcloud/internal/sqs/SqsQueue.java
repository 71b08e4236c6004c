package dev.awstestharness.localcloud.internal.sqs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One queue: its messages in send order, their visibility, FIFO message groups and deduplication, and the long polls
 * waiting for a message. Every method holds the queue's lock; waiting receives hold no thread: they are completed by
 * whichever send, visibility change or timer makes a message available.
 */
final class SqsQueue {
    private static final long DEDUPLICATION_WINDOW_MILLIS = 5 * 60 * 1000;

    final String name;
    final String url;
    final String arn;
    final boolean fifo;
    final long createdAtMillis;

    private final QueueAttributes attributes;
    private final LongSupplier clock;
    private final ScheduledExecutorService timers;
    private final String accountId;
    private final Map<String, SqsMessage> messages = new LinkedHashMap<>();
    private final Map<String, Deduplicated> deduplication = new HashMap<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private long lastModifiedAtMillis;
    private long sequence;
    private ScheduledFuture<?> wake;
    private long wakeAtMillis = Long.MAX_VALUE;
    private boolean deleted;

    private record Deduplicated(String messageId, String sequenceNumber, long expiresAtMillis) {}

    private record Waiter(ReceiveRequest request, CompletableFuture<ObjectNode> future, long deadlineMillis) {}

    SqsQueue(String name, String url, String arn, boolean fifo, QueueAttributes attributes, Map<String, String> tags, String accountId,
            LongSupplier clock, ScheduledExecutorService timers) {
        this.name = name;
        this.url = url;
        this.arn = arn;
        this.fifo = fifo;
        this.attributes = attributes;
        this.tags.putAll(tags);
        this.accountId = accountId;
        this.clock = clock;
        this.timers = timers;
        this.createdAtMillis = clock.getAsLong();
        this.lastModifiedAtMillis = createdAtMillis;
    }

    // ---- sending

    SendResult send(SendRequest request) {
        List<Runnable> completions;
        SendResult result;
        synchronized (this) {
            checkNotDeleted();
            result = enqueue(request);
            completions = serveWaiters();
        }
        complete(completions);
        return result;
    }

    private SendResult enqueue(SendRequest request) {
        validate(request);
        long now = clock.getAsLong();
        String md5OfBody = MessageDigests.ofBody(request.body());
        String md5OfAttributes = MessageDigests.ofAttributes(request.attributes());
        if (fifo) {
            String deduplicationId = request.deduplicationId() != null ? request.deduplicationId() : MessageDigests.sha256Hex(request.body());
            deduplication.values().removeIf(entry -> entry.expiresAtMillis() <= now);
            Deduplicated earlier = deduplication.get(deduplicationId);
            if (earlier != null) return new SendResult(earlier.messageId(), md5OfBody, md5OfAttributes, earlier.sequenceNumber());
            String sequenceNumber = "1" + String.format("%019d", ++sequence); // 20 digits, as AWS's
            String messageId = UUID.randomUUID().toString();
            long visibleAt = now + attributes.delaySeconds() * 1000L;
            messages.put(messageId, new SqsMessage(messageId, request.body(), request.attributes(), now, visibleAt, request.groupId(),
                    deduplicationId, sequenceNumber));
            deduplication.put(deduplicationId, new Deduplicated(messageId, sequenceNumber, now + DEDUPLICATION_WINDOW_MILLIS));
            return new SendResult(messageId, md5OfBody, md5OfAttributes, sequenceNumber);
        }
        int delay = request.delaySeconds() != null ? request.delaySeconds() : attributes.delaySeconds();
        String messageId = UUID.randomUUID().toString();
        messages.put(messageId, new SqsMessage(messageId, request.body(), request.attributes(), now, now + delay * 1000L, request.groupId(),
                null, null));
        return new SendResult(messageId, md5OfBody, md5OfAttributes, null);
    }

    private void validate(SendRequest request) {
        String body = request.body();
        if (body == null || body.isEmpty()) throw SqsException.missingParameter("MessageBody");
        if (!validCharacters(body)) throw SqsException.invalidMessageContents();
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> entry : request.attributes().entrySet()) size += entry.getValue().size(entry.getKey());
        if (size > attributes.maximumMessageSize()) {
            throw SqsException.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than "
                    + attributes.maximumMessageSize() + " bytes.");
        }
        if (request.delaySeconds() != null && (request.delaySeconds() < 0 || request.delaySeconds() > 900)) {
            throw SqsException.invalidParameterValue("Value " + request.delaySeconds()
                    + " for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.");
        }
        if (fifo) {
            if (request.groupId() == null || request.groupId().isEmpty()) throw SqsException.missingParameter("MessageGroupId");
            if (request.delaySeconds() != null && request.delaySeconds() != 0) {
                throw SqsException.invalidParameterValue("Value " + request.delaySeconds()
                        + " for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.");
            }
            if (request.deduplicationId() == null && !attributes.contentBasedDeduplication()) {
                throw SqsException.invalidParameterValue(
                        "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
            checkToken("MessageGroupId", request.groupId());
            if (request.deduplicationId() != null) checkToken("MessageDeduplicationId", request.deduplicationId());
        } else if (request.deduplicationId() != null) {
            throw SqsException.invalidParameterValue("Value " + request.deduplicationId()
                    + " for parameter MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this queue type.");
        } else if (request.groupId() != null) {
            checkToken("MessageGroupId", request.groupId());
        }
    }

    private static void checkToken(String parameter, String value) {
        if (value.isEmpty() || value.length() > 128 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw SqsException.invalidParameterValue("Value " + value + " for parameter " + parameter
                    + " is invalid. Reason: " + parameter + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    private static boolean validCharacters(String body) {
        return body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    // ---- receiving

    /** The messages a ReceiveMessage returns; with {@code waitSeconds} > 0 and none available, completes when one arrives or the wait ends. */
    CompletableFuture<ObjectNode> receive(ReceiveRequest request) {
        synchronized (this) {
            checkNotDeleted();
            ArrayNode taken = take(request);
            if (!taken.isEmpty() || request.waitSeconds() == 0) return CompletableFuture.completedFuture(response(taken));
            CompletableFuture<ObjectNode> future = new CompletableFuture<>();
            long deadline = clock.getAsLong() + request.waitSeconds() * 1000L;
            Waiter waiter = new Waiter(request, future, deadline);
            waiters.add(waiter);
            ScheduledFuture<?> timeout = timers.schedule(() -> expire(waiter), request.waitSeconds() * 1000L, TimeUnit.MILLISECONDS);
            future.whenComplete((value, failure) -> timeout.cancel(false));
            scheduleWake();
            return future;
        }
    }

    private void expire(Waiter waiter) {
        synchronized (this) {
            if (!waiters.remove(waiter)) return;
        }
        waiter.future().complete(response(LocalJson.array()));
    }

    private static ObjectNode response(ArrayNode taken) {
        ObjectNode response = LocalJson.object();
        if (!taken.isEmpty()) response.set("Messages", taken);
        return response;
    }

    private ArrayNode take(ReceiveRequest request) {
        long now = clock.getAsLong();
        dropExpired(now);
        ArrayNode taken = LocalJson.array();
        Set<String> blockedGroups = new HashSet<>();
        if (fifo) {
            for (SqsMessage message : messages.values()) if (message.isInFlight(now)) blockedGroups.add(message.groupId);
        }
        int visibility = request.visibilityTimeout() != null ? request.visibilityTimeout() : attributes.visibilityTimeout();
        for (SqsMessage message : messages.values()) {
            if (taken.size() >= request.maxMessages()) break;
            if (fifo && blockedGroups.contains(message.groupId)) continue;
            if (!message.isVisible(now)) {
                if (fifo) blockedGroups.add(message.groupId); // a group is delivered strictly in order
                continue;
            }
            message.receiveCount++;
            if (message.firstReceivedAtMillis == 0) message.firstReceivedAtMillis = now;
            message.visibleAtMillis = now + visibility * 1000L;
            message.receiptHandle = ReceiptHandles.create(name, message.messageId);
            taken.add(render(message, request));
        }
        return taken;
    }

    private void dropExpired(long now) {
        long oldest = now - attributes.messageRetentionPeriod() * 1000L;
        messages.values().removeIf(message -> message.sentAtMillis < oldest);
    }

    private ObjectNode render(SqsMessage message, ReceiveRequest request) {
        ObjectNode node = LocalJson.object();
        node.put("MessageId", message.messageId);
        node.put("ReceiptHandle", message.receiptHandle);
        node.put("MD5OfBody", message.md5OfBody);
        node.put("Body", message.body);
        ObjectNode system = LocalJson.object();
        Set<String> names = request.systemAttributes();
        boolean all = names.contains("All");
        if (all || names.contains("SenderId")) system.put("SenderId", accountId);
        if (all || names.contains("SentTimestamp")) system.put("SentTimestamp", Long.toString(message.sentAtMillis));
        if (all || names.contains("ApproximateReceiveCount")) system.put("ApproximateReceiveCount", Integer.toString(message.receiveCount));
        if (all || names.contains("ApproximateFirstReceiveTimestamp")) {
            system.put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAtMillis));
        }
        if (message.groupId != null && (all || names.contains("MessageGroupId"))) system.put("MessageGroupId", message.groupId);
        if (fifo && (all || names.contains("MessageDeduplicationId"))) system.put("MessageDeduplicationId", message.deduplicationId);
        if (fifo && (all || names.contains("SequenceNumber"))) system.put("SequenceNumber", message.sequenceNumber);
        if (!system.isEmpty()) node.set("Attributes", system);
        ObjectNode selected = LocalJson.object();
        Map<String, MessageAttribute> returned = new LinkedHashMap<>();
        message.attributes.forEach((attributeName, value) -> {
            if (wanted(attributeName, request.messageAttributes())) returned.put(attributeName, value);
        });
        if (!returned.isEmpty()) {
            node.put("MD5OfMessageAttributes", MessageDigests.ofAttributes(returned));
            returned.forEach((attributeName, value) -> selected.set(attributeName, value.toJson()));
            node.set("MessageAttributes", selected);
        }
        return node;
    }

    private static boolean wanted(String attributeName, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.equals("All") || pattern.equals(".*") || pattern.equals(attributeName)) return true;
            if (pattern.endsWith(".*") && attributeName.startsWith(pattern.substring(0, pattern.length() - 1))) return true;
        }
        return false;
    }

    /** Serves waiting receives in arrival order while messages are available; returns the completions to run outside the lock. */
    private List<Runnable> serveWaiters() {
        List<Runnable> completions = new ArrayList<>();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.future().isDone()) {
                it.remove();
                continue;
            }
            ArrayNode taken = take(waiter.request());
            if (taken.isEmpty()) break;
            it.remove();
            ObjectNode response = response(taken);
            completions.add(() -> {
                if (!waiter.future().complete(response)) release(taken);
            });
        }
        if (!waiters.isEmpty()) scheduleWake();
        return completions;
    }

    /** Makes messages visible again that were taken for a receive whose caller went away. */
    private synchronized void release(ArrayNode taken) {
        long now = clock.getAsLong();
        taken.forEach(node -> {
            SqsMessage message = messages.get(node.path("MessageId").asText());
            if (message != null && node.path("ReceiptHandle").asText().equals(message.receiptHandle)) message.visibleAtMillis = now;
        });
    }

    private static void complete(List<Runnable> completions) {
        completions.forEach(Runnable::run);
    }

    /** Wakes the waiting receives when the next delayed or in-flight message becomes visible. */
    private void scheduleWake() {
        long now = clock.getAsLong();
        long next = Long.MAX_VALUE;
        for (SqsMessage message : messages.values()) {
            if (!message.isVisible(now)) next = Math.min(next, message.visibleAtMillis);
        }
        if (next == Long.MAX_VALUE || (wake != null && !wake.isDone() && wakeAtMillis <= next)) return;
        if (wake != null) wake.cancel(false);
        wakeAtMillis = next;
        wake = timers.schedule(this::wakeWaiters, Math.max(0, next - now), TimeUnit.MILLISECONDS);
    }

    private void wakeWaiters() {
        List<Runnable> completions;
        synchronized (this) {
            wakeAtMillis = Long.MAX_VALUE;
            wake = null;
            if (deleted) return;
            completions = serveWaiters();
        }
        complete(completions);
    }

    // ---- deleting and visibility

    void delete(String receiptHandle) {
        String messageId = ReceiptHandles.messageId(receiptHandle, name);
        List<Runnable> completions;
        synchronized (this) {
            checkNotDeleted();
            messages.remove(messageId);
            completions = serveWaiters(); // a FIFO group may be unblocked
        }
        complete(completions);
    }

    void changeVisibility(String receiptHandle, int seconds) {
        if (seconds < 0 || seconds > 43_200) {
            throw SqsException.invalidParameterValue("Value " + seconds
                    + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.");
        }
        String messageId = ReceiptHandles.messageId(receiptHandle, name);
        List<Runnable> completions;
        synchronized (this) {
            checkNotDeleted();
            long now = clock.getAsLong();
            SqsMessage message = messages.get(messageId);
            if (message == null || !message.isInFlight(now)) {
                throw SqsException.invalidParameterValue("Value " + receiptHandle
                        + " for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.");
            }
            message.visibleAtMillis = now + seconds * 1000L;
            completions = serveWaiters();
        }
        complete(completions);
    }

    synchronized void purge() {
        checkNotDeleted();
        messages.clear();
        lastModifiedAtMillis = clock.getAsLong();
    }

    /** Marks the queue deleted; waiting receives end with no messages. */
    void markDeleted() {
        List<Waiter> ended;
        synchronized (this) {
            deleted = true;
            ended = new ArrayList<>(waiters);
            waiters.clear();
            if (wake != null) wake.cancel(false);
        }
        ended.forEach(waiter -> waiter.future().complete(response(LocalJson.array())));
    }

    private void checkNotDeleted() {
        if (deleted) throw SqsException.queueDoesNotExist();
    }

    // ---- attributes and tags

    /** The current value of every attribute, computed ones included. */
    synchronized Map<String, String> attributes() {
        long now = clock.getAsLong();
        dropExpired(now);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("QueueArn", arn);
        int visible = 0;
        int inFlight = 0;
        int delayed = 0;
        for (SqsMessage message : messages.values()) {
            if (message.isVisible(now)) visible++;
            else if (message.isDelayed(now)) delayed++;
            else inFlight++;
        }
        all.put("ApproximateNumberOfMessages", Integer.toString(visible));
        all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(inFlight));
        all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(delayed));
        all.put("CreatedTimestamp", Long.toString(createdAtMillis / 1000));
        all.put("LastModifiedTimestamp", Long.toString(lastModifiedAtMillis / 1000));
        all.putAll(attributes.values());
        return all;
    }

    synchronized void setAttributes(Map<String, String> requested) {
        checkNotDeleted();
        attributes.apply(requested, fifo, false);
        lastModifiedAtMillis = clock.getAsLong();
    }

    /** The name of the first requested attribute that differs from this queue's, or {@code null}. */
    synchronized String firstDifference(Map<String, String> requested) {
        return attributes.firstDifference(requested);
    }

    synchronized int receiveWaitTimeSeconds() {
        return attributes.receiveMessageWaitTimeSeconds();
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }
}
