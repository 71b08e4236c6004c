package dev.awstestharness.asl.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The time source of the interpreter: what "now" is, and how to run something later. Wait states, retry intervals and
 * timeouts all go through it, so an embedder can supply its own (for example a clock that a test advances by hand).
 */
public interface EngineClock {
    Instant now();

    /** Runs {@code action} once {@code delay} has passed on this clock; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that can be withdrawn before it runs. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Real time, with one daemon thread for the scheduled actions. */
    static EngineClock system() {
        return SystemEngineClock.INSTANCE;
    }
}
