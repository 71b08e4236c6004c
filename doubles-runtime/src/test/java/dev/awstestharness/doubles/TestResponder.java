package dev.awstestharness.doubles;

import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.ResultsTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A stand-in for the harness's listener: reads the events queue with the SDK, records each invocation, and answers
 * as {@link Answers} says: a results-table item for Lambda and container doubles, SendTaskSuccess / SendTaskFailure for
 * state machine doubles. Each message is handled on a thread of its own, as the harness does.
 */
public final class TestResponder implements AutoCloseable {
    /** What to answer an invocation with; {@code null} is no answer. */
    @FunctionalInterface
    public interface Answers {
        InvocationResult answer(Invocation invocation) throws Exception;
    }

    /** An invocation as received, with the message's attributes. */
    public record Received(Invocation invocation, Map<String, String> attributes, String messageGroupId, String deduplicationId) {}

    private final LocalDoubles doubles;
    private final String queueUrl;
    private final String table;
    private final Answers answers;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Thread poller;
    private volatile boolean running = true;
    private static final String WAKE_UP = "wake up: the test responder is closing";

    TestResponder(LocalDoubles doubles, String queueUrl, String table, Answers answers) {
        this.doubles = doubles;
        this.queueUrl = queueUrl;
        this.table = table;
        this.answers = answers;
        this.poller = new Thread(this::poll, "test-responder");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            List<Message> messages;
            try {
                messages = doubles.sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            } catch (RuntimeException e) {
                if (running) failures.add(e);
                return;
            }
            for (Message message : messages) {
                if (WAKE_UP.equals(message.body())) continue;
                doubles.sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                handlers.submit(() -> handle(message));
            }
        }
    }

    private void handle(Message message) {
        try {
            Invocation invocation = Invocation.fromJson(message.body());
            Map<String, String> attributes = message.messageAttributes().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().stringValue()));
            received.add(new Received(invocation, attributes, message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                    message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)));
            InvocationResult result = answers.answer(invocation);
            if (result == null) return;
            if (invocation.kind() == DoubleKind.STATE_MACHINE) {
                switch (result.outcome()) {
                    case VALUE -> doubles.sfn.sendTaskSuccess(r -> r.taskToken(invocation.taskToken()).output(result.value().toString()));
                    case FAIL -> doubles.sfn.sendTaskFailure(r -> r.taskToken(invocation.taskToken()).error(result.error()).cause(result.cause()));
                    default -> throw new IllegalArgumentException("A state machine double cannot be answered with " + result);
                }
            } else {
                ResultsTable.putResult(doubles.dynamoDb, table, invocation, result);
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    /** The invocations received so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} invocations were received. */
    public List<Received> awaitReceived(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) Assertions.fail("Received " + received.size() + " invocations, not " + count + ": " + received);
            LocalDoubles.sleep(Duration.ofMillis(2));
        }
        return received();
    }

    @Override
    public void close() {
        running = false;
        doubles.sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(WAKE_UP).messageGroupId("wake-up")
                .messageDeduplicationId(java.util.UUID.randomUUID().toString()));
        try {
            poller.join(3_000);
            handlers.shutdown();
            handlers.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("The test responder failed: " + failures);
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }
}
