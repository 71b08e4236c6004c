package dev.awstestharness.harness.internal.listener;

import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Listens for the doubles' invocations on the events queue: one background thread long-polls (up to 10 messages, 20
 * seconds) and deletes every message it receives at once; invocations of the current test's session go to a thread
 * pool where the {@link InvocationResponder} answers them, concurrently; all others (earlier tests or runs, no test
 * running, malformed messages) are counted and dropped. A message received twice (its deletion failed) is answered once.
 */
public final class InvocationListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InvocationListener.class.getName());
    /** The body of the message that wakes the polling thread when the listener closes. */
    static final String WAKE_UP_PREFIX = "{\"awsTestHarnessListenerWakeUp\":";
    private static final int RECENT = 10_000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Supplier<TestSession> currentSession;
    private final InvocationResponder responder;
    private final Thread thread;
    private final ExecutorService handlers;
    private final String wakeUpId = UUID.randomUUID().toString();
    private volatile boolean closed;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong receiveFailures = new AtomicLong();
    private final Map<String, Boolean> recent = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
        }
    };

    /**
     * @param currentSession the session of the running test, or {@code null} between tests
     */
    public InvocationListener(SqsClient sqs, String queueUrl, Supplier<TestSession> currentSession, InvocationResponder responder, String name) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.currentSession = currentSession;
        this.responder = responder;
        AtomicInteger count = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread handler = new Thread(runnable, "aws-test-harness-twin-" + count.incrementAndGet());
            handler.setDaemon(true);
            return handler;
        });
        this.thread = new Thread(this::poll, "aws-test-harness-listener (" + name + ")");
        this.thread.setDaemon(true);
    }

    public InvocationListener start() {
        thread.start();
        return this;
    }

    private void poll() {
        long pauseMillis = 10;
        while (!closed) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(20)).messages();
                pauseMillis = 10;
            } catch (RuntimeException e) {
                if (closed) break;
                receiveFailures.incrementAndGet();
                LOG.log(Level.WARNING, "The harness could not receive from the events queue " + queueUrl + "; retrying", e);
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 1_000);
                continue;
            }
            if (messages.isEmpty()) continue;
            received.addAndGet(messages.size());
            for (Message message : messages) route(message);
            delete(messages);
        }
    }

    private void route(Message message) {
        String body = message.body();
        if (body != null && body.startsWith(WAKE_UP_PREFIX)) return;
        Invocation invocation;
        try {
            invocation = Invocation.fromJson(body);
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            LOG.log(Level.FINE, "Dropped a message that is no invocation: " + e.getMessage());
            return;
        }
        TestSession session = currentSession.get();
        if (session == null || !session.id().equals(invocation.sessionId())) {
            ignored.incrementAndGet();
            return;
        }
        synchronized (recent) {
            if (recent.put(invocation.resultKey(), Boolean.TRUE) != null) return;
        }
        handled.incrementAndGet();
        handlers.execute(() -> responder.respond(session, invocation));
    }

    private void delete(List<Message> messages) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            var response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                LOG.log(Level.WARNING, "The harness could not delete " + response.failed().size() + " messages from the events queue: "
                        + response.failed());
            }
        } catch (RuntimeException e) {
            if (!closed) LOG.log(Level.WARNING, "The harness could not delete messages from the events queue " + queueUrl, e);
        }
    }

    /** Messages received so far (invocations of any session and others). */
    public long received() {
        return received.get();
    }

    /** Invocations handed to the current test's session. */
    public long handled() {
        return handled.get();
    }

    /** Invocations of other sessions (or received between tests), deleted and not handled. */
    public long ignored() {
        return ignored.get();
    }

    /** Messages that were not invocations. */
    public long malformed() {
        return malformed.get();
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops listening: wakes the polling thread with a message of its own and waits briefly for it; invocations being
     * answered finish on their threads.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (thread.isAlive()) {
            try {
                String id = UUID.randomUUID().toString();
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(WAKE_UP_PREFIX + "\"" + wakeUpId + "\",\"id\":\"" + id + "\"}")
                        .messageGroupId("aws-test-harness-listener").messageDeduplicationId(id));
            } catch (RuntimeException e) {
                // the target is going away; the thread ends when its receive fails or returns
            }
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        handlers.shutdown();
        try {
            handlers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "InvocationListener[" + queueUrl + ", received " + received() + ", handled " + handled() + ", ignored " + ignored() + "]";
    }
}
