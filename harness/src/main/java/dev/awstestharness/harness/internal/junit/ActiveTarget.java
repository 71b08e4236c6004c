package dev.awstestharness.harness.internal.junit;

import dev.awstestharness.doubles.contract.TestContextBucket;
import dev.awstestharness.harness.internal.DefaultTestHarness;
import dev.awstestharness.harness.internal.listener.InvocationListener;
import dev.awstestharness.harness.internal.listener.InvocationResponder;
import dev.awstestharness.harness.internal.target.Target;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A started target with its invocation listener, shared by every test of one template (it lives in the root
 * extension context store and is closed when the run ends). Tests of one template take turns: the mocking session is
 * one per deployed template, so a test waits in {@code beforeEach} until the previous one has ended.
 */
final class ActiveTarget implements AutoCloseable {
    private final Target target;
    private final InvocationListener listener;
    private final Semaphore oneTestAtATime = new Semaphore(1, true);
    private final AtomicReference<TestRun> current = new AtomicReference<>();

    ActiveTarget(Target target) {
        this.target = target;
        InvocationResponder responder = new InvocationResponder(target.clients(), target.resources().resultsTable());
        this.listener = new InvocationListener(target.clients().sqs(), target.resources().eventsQueueUrl(), this::currentSession, responder,
                target.declaration().source().name()).start();
    }

    Target target() {
        return target;
    }

    InvocationListener listener() {
        return listener;
    }

    private TestSession currentSession() {
        TestRun run = current.get();
        return run == null ? null : run.session();
    }

    /** The running test, or {@code null}. */
    TestRun current() {
        return current.get();
    }

    /** Starts a test: waits for the previous test of this template to end, then writes a new session id. */
    TestRun begin(String testName) {
        TestRun running = current.get();
        if (running != null && running.thread() == Thread.currentThread()) {
            throw new IllegalStateException(testName + " cannot start: the test " + running.session().testName() + " of the same template and "
                    + "target is running on this thread (it runs other tests through the JUnit Platform); tests of one template take turns, "
                    + "so this one would wait for ever. Run the nested tests from a test that does not use the harness");
        }
        oneTestAtATime.acquireUninterruptibly();
        try {
            target.checkUsable();
            TestSession session = new TestSession(UUID.randomUUID().toString(), testName);
            TestContextBucket.writeSessionId(target.clients().s3(), target.resources().testContextBucket(), session.id());
            TestRun run = new TestRun(this, new DefaultTestHarness(target, session));
            current.set(run);
            return run;
        } catch (RuntimeException | Error e) {
            oneTestAtATime.release();
            throw e;
        }
    }

    /** Ends a test: invocations of its session arriving later are ignored. */
    void end(TestRun run) {
        if (current.compareAndSet(run, null)) oneTestAtATime.release();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } finally {
            target.close();
        }
    }

    @Override
    public String toString() {
        return "ActiveTarget[" + target.describe() + ", " + listener + "]";
    }
}
