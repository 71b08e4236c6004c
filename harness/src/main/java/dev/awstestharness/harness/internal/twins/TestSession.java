package dev.awstestharness.harness.internal.twins;

import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.doubles.contract.DoubleKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's mocking session: its id (what the doubles read from the test-context bucket and put in their
 * invocations), its twins, the invocations it did not handle, and the executions it started (for diagnostics).
 */
public final class TestSession {
    private final String id;
    private final String testName;
    private final TwinRegistry twins = new TwinRegistry();
    private final List<InvocationProblem> problems = new CopyOnWriteArrayList<>();
    private final List<StateMachineExecution> executions = new CopyOnWriteArrayList<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    public TestSession(String id, String testName) {
        this.id = Objects.requireNonNull(id, "id");
        this.testName = testName;
    }

    public String id() {
        return id;
    }

    /** The test's display name, for messages. */
    public String testName() {
        return testName;
    }

    public TwinRegistry twins() {
        return twins;
    }

    public void problem(InvocationProblem problem) {
        problems.add(problem);
    }

    /** The invocations this test did not handle, in order. */
    public List<InvocationProblem> problems() {
        return List.copyOf(problems);
    }

    /** Counts an invocation of a double handed to this session. */
    public void invoked(DoubleKind kind, String target) {
        invocations.incrementAndGet();
        calls.computeIfAbsent(kind + " " + target, key -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts an answer delivered to a double in this session. */
    public void answered(DoubleKind kind, String target) {
        answers.computeIfAbsent(kind + " " + target, key -> new AtomicInteger()).incrementAndGet();
    }

    /** How many answers were delivered to a double in this session. */
    public int answersTo(DoubleKind kind, String target) {
        AtomicInteger count = answers.get(kind + " " + target);
        return count == null ? 0 : count.get();
    }

    /** How many times a double called in during this session ({@code target}: a name, or {@code family#container}). */
    public int callsOf(DoubleKind kind, String target) {
        AtomicInteger count = calls.get(kind + " " + target);
        return count == null ? 0 : count.get();
    }

    /** How many invocations of this session the listener handed over. */
    public int invocationCount() {
        return invocations.get();
    }

    public void started(StateMachineExecution execution) {
        executions.add(execution);
    }

    /** The executions the test started through the harness, in order. */
    public List<StateMachineExecution> executions() {
        return List.copyOf(executions);
    }

    @Override
    public String toString() {
        return "TestSession[" + id + ", " + testName + "]";
    }
}
