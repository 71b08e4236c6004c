package dev.awstestharness.harness.internal.twins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.harness.Twin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A twin: the handler the test gave for one double, and the calls it got, in order. Thread-safe: the listener calls
 * {@link #answer} on its threads while the test reads {@link #invocations()} and replaces the handler.
 *
 * @param <I> a recorded call
 * @param <H> the handler type
 */
public abstract class AbstractTwin<I, H> implements Twin<I, H> {
    private final String name;
    private volatile H handler;
    private final List<I> invocations = new ArrayList<>();

    protected AbstractTwin(String name, H handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, () -> "the handler of the twin of " + describe(name));
    }

    /** What kind of double this twin stands in for. */
    public abstract DoubleKind kind();

    /** The target its invocations carry: the declared name, {@code Family#Container} for a container. */
    public String target() {
        return name;
    }

    /** "the Lambda function double 'First'", for messages. */
    public String description() {
        return describe(name);
    }

    protected abstract String describe(String name);

    /**
     * Records one call and answers it with the handler.
     *
     * @throws Exception what the handler threw
     * @throws InvalidAnswerException when the handler's answer does not suit this kind of double
     */
    public abstract InvocationResult answer(JsonNode payload) throws Exception;

    /** A copy of one recorded call that the caller may change freely. */
    protected abstract I copy(I invocation);

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<I> invocations() {
        synchronized (invocations) {
            List<I> copies = new ArrayList<>(invocations.size());
            for (I invocation : invocations) copies.add(copy(invocation));
            return List.copyOf(copies);
        }
    }

    @Override
    public List<I> awaitInvocations(int count, Duration timeout) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative but was " + count);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (invocations) {
            while (invocations.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String subject = description();
                    throw new AssertionError(Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " was called " + invocations.size() + " times within " + timeout.toMillis()
                            + " ms, not the " + count + " awaited; its calls: " + invocations);
                }
                try {
                    invocations.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + count + " calls of the " + description(), e);
                }
            }
        }
        return invocations();
    }

    @Override
    public int invocationCount() {
        synchronized (invocations) {
            return invocations.size();
        }
    }

    @Override
    public void handleWith(H handler) {
        this.handler = Objects.requireNonNull(handler, () -> "the handler of the twin of " + description());
    }

    protected H handler() {
        return handler;
    }

    protected void record(I invocation) {
        synchronized (invocations) {
            invocations.add(invocation);
            invocations.notifyAll();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + invocationCount() + " invocations]";
    }

    /** The handler returned something this kind of double cannot answer with; the message says what to return. */
    public static final class InvalidAnswerException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidAnswerException(String message) {
            super(message);
        }
    }

    static JsonNode copyOf(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }
}
