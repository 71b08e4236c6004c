package dev.awstestharness.harness;

import java.time.Duration;
import java.util.List;

/**
 * A double's stand-in in the test: it answers the double's calls with a handler and records them, in order.
 *
 * @param <I> what one recorded call is
 * @param <H> the handler type
 */
public interface Twin<I, H> {
    /** The declared name of the double ({@code Family#Container} for a container). */
    String name();

    /** The calls so far, oldest first (a copy). */
    List<I> invocations();

    default int invocationCount() {
        return invocations().size();
    }

    /**
     * Waits until the double has been called at least {@code count} times, for calls that happen after the execution
     * the test waited for (a container that still runs after its task's callback, say), and returns the calls so far.
     * A call counts from the moment it arrives, before the handler has answered it.
     *
     * @throws AssertionError naming the double and the calls it had, when fewer than {@code count} came within
     *     {@code timeout}
     */
    List<I> awaitInvocations(int count, Duration timeout);

    /** Answers the next calls with {@code handler}. */
    void handleWith(H handler);
}
