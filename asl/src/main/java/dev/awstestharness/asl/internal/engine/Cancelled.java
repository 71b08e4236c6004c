package dev.awstestharness.asl.internal.engine;

/**
 * Ends the work of a branch because something outside it decided so: the execution was stopped or timed out, or a
 * sibling branch failed. Never handled by Retry or Catch.
 */
final class Cancelled extends RuntimeException {
    enum Reason {
        EXECUTION_STOPPED,
        EXECUTION_TIMED_OUT,
        SIBLING_FAILED
    }

    private final Reason reason;

    Cancelled(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
