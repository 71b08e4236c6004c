package dev.awstestharness.harness.internal.junit;

import dev.awstestharness.harness.internal.DefaultTestHarness;
import dev.awstestharness.harness.internal.twins.TestSession;

/** One running test on an {@link ActiveTarget}; closing it (when the test's store closes) ends the test's session. */
final class TestRun implements AutoCloseable {
    private final ActiveTarget active;
    private final DefaultTestHarness harness;
    private final Thread thread = Thread.currentThread();

    TestRun(ActiveTarget active, DefaultTestHarness harness) {
        this.active = active;
        this.harness = harness;
    }

    /** The thread the test started on. */
    Thread thread() {
        return thread;
    }

    DefaultTestHarness harness() {
        return harness;
    }

    TestSession session() {
        return harness.session();
    }

    ActiveTarget active() {
        return active;
    }

    @Override
    public void close() {
        active.end(this);
    }
}
