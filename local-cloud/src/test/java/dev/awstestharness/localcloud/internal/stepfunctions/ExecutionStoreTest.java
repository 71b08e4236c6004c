package dev.awstestharness.localcloud.internal.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionRequest;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.HistoryEvent;
import dev.awstestharness.asl.StateMachineDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExecutionStoreTest {
    private static final StateMachineRecord MACHINE = new StateMachineRecord("arn:aws:states:us-east-1:123456789012:stateMachine:M", "M",
            StateMachineType.STANDARD, "{}", StateMachineDefinition.parse("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"),
            "arn:aws:iam::123456789012:role/r", Instant.now(), 1, null, null);

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void keepsTheNewestFinishedExecutionsAndDropsTheOldestFirst() {
        ExecutionStore store = new ExecutionStore(3, Duration.ofHours(1), nanos::get);
        List<FakeExecution> executions = new ArrayList<>();
        for (int i = 0; i < 5; i++) executions.add(start(store, "e" + i));

        executions.forEach(FakeExecution::finish);

        assertThat(store.finishedCount()).isEqualTo(3);
        assertThat(store.get(arn("e0"))).isNull();
        assertThat(store.get(arn("e1"))).isNull();
        assertThat(store.get(arn("e2"))).isNotNull();
        assertThat(store.newestFirst(MACHINE.arn()).values()).extracting(ExecutionRecord::arn).containsExactly(arn("e4"), arn("e3"), arn("e2"));
    }

    @Test
    void dropsInTheOrderExecutionsEndedNotStarted() {
        ExecutionStore store = new ExecutionStore(1, Duration.ofHours(1), nanos::get);
        FakeExecution first = start(store, "first");
        FakeExecution second = start(store, "second");

        second.finish();
        first.finish();

        assertThat(store.get(arn("second"))).isNull();
        assertThat(store.get(arn("first"))).isNotNull();
    }

    @Test
    void neverDropsRunningExecutions() {
        ExecutionStore store = new ExecutionStore(0, Duration.ZERO, nanos::get);
        for (int i = 0; i < 10; i++) start(store, "running" + i);
        FakeExecution done = start(store, "done");

        done.finish();
        nanos.addAndGet(Duration.ofDays(1).toNanos());
        store.evict();

        assertThat(store.size()).isEqualTo(10);
        assertThat(store.get(arn("done"))).isNull();
        assertThat(store.get(arn("running9"))).isNotNull();
    }

    @Test
    void dropsFinishedExecutionsOlderThanTheMaximumAge() {
        ExecutionStore store = new ExecutionStore(100, Duration.ofMinutes(10), nanos::get);
        start(store, "old").finish();
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        start(store, "young").finish();

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        store.evict();

        assertThat(store.get(arn("old"))).isNull();
        assertThat(store.get(arn("young"))).isNotNull();
    }

    @Test
    void forgetsAStateMachineOnceAllItsExecutionsAreDropped() {
        ExecutionStore store = new ExecutionStore(0, Duration.ofHours(1), nanos::get);

        start(store, "only").finish();

        assertThat(store.size()).isZero();
        assertThat(store.indexedStateMachines()).isZero();
    }

    @Test
    void anExecutionThatEndsBeforeItIsIndexedIsStillCountedOnce() {
        ExecutionStore store = new ExecutionStore(5, Duration.ofHours(1), nanos::get);
        FakeExecution instant = new FakeExecution(arn("instant"));
        instant.finish();

        store.start(instant.executionArn(), sequence -> new ExecutionRecord(sequence, MACHINE, instant, "{}"), existing -> existing);

        assertThat(store.finishedCount()).isEqualTo(1);
        assertThat(store.newestFirst(MACHINE.arn())).hasSize(1);
    }

    private static String arn(String name) {
        return "arn:aws:states:us-east-1:123456789012:execution:M:" + name;
    }

    private static FakeExecution start(ExecutionStore store, String name) {
        FakeExecution execution = new FakeExecution(arn(name));
        store.start(execution.executionArn(), sequence -> new ExecutionRecord(sequence, MACHINE, execution, "{}"), existing -> {
            throw new AssertionError("duplicate " + name);
        });
        return execution;
    }

    /** An execution that ends when the test says so. */
    private static final class FakeExecution implements Execution {
        private final ExecutionRequest request;
        private final CompletableFuture<Execution> completion = new CompletableFuture<>();
        private volatile ExecutionStatus status = ExecutionStatus.RUNNING;

        FakeExecution(String arn) {
            JsonNode input = JsonNodeFactory.instance.objectNode();
            request = new ExecutionRequest(arn, arn.substring(arn.lastIndexOf(':') + 1), MACHINE.arn(), MACHINE.name(), MACHINE.roleArn(), input);
        }

        void finish() {
            status = ExecutionStatus.SUCCEEDED;
            completion.complete(this);
        }

        @Override public ExecutionRequest request() { return request; }
        @Override public ExecutionStatus status() { return status; }
        @Override public Instant startDate() { return Instant.EPOCH; }
        @Override public Instant stopDate() { return status.isFinal() ? Instant.EPOCH : null; }
        @Override public JsonNode output() { return null; }
        @Override public String error() { return null; }
        @Override public String cause() { return null; }
        @Override public List<HistoryEvent> history() { return List.of(); }
        @Override public CompletableFuture<Execution> completion() { return completion; }
        @Override public Execution await(Duration timeout) { return completion.join(); }
        @Override public void stop(String error, String cause) { finish(); }
    }
}
