package dev.awstestharness.localcloud.internal.stepfunctions;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The executions, by ARN and per state machine in start order, with bounded retention: finished executions are
 * dropped, oldest first, once there are more than {@code maxFinished} of them or they ended more than {@code maxAge}
 * ago. Running executions are never dropped. Thread-safe: starts and lookups take no global lock.
 */
final class ExecutionStore {
    private final Map<String, ExecutionRecord> byArn = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Long, ExecutionRecord>> byStateMachine = new ConcurrentHashMap<>();
    /** Finished executions in the order they ended; guarded by itself. */
    private final ArrayDeque<ExecutionRecord> finished = new ArrayDeque<>();
    private final AtomicLong nextSequence = new AtomicLong(1);
    private final int maxFinished;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    ExecutionStore(int maxFinished, Duration maxAge, LongSupplier nanoClock) {
        this.maxFinished = maxFinished;
        this.maxAgeNanos = saturatedNanos(maxAge);
        this.nanoClock = nanoClock;
    }

    /** What to do when an execution with the ARN being started already exists. */
    @FunctionalInterface
    interface Conflict {
        /** Returns the existing record to answer the start with (an idempotent repeat), or throws. */
        ExecutionRecord resolve(ExecutionRecord existing);
    }

    /**
     * Starts an execution under {@code arn} unless one exists (then {@code conflict} decides). {@code start} runs while
     * the ARN is reserved, so two concurrent starts of one name cannot both succeed; it must start the execution and
     * return at once.
     */
    ExecutionRecord start(String arn, LongFunction<ExecutionRecord> start, Conflict conflict) {
        boolean[] created = new boolean[1];
        ExecutionRecord record = byArn.compute(arn, (key, existing) -> {
            if (existing != null) return conflict.resolve(existing);
            created[0] = true;
            return start.apply(nextSequence.getAndIncrement());
        });
        if (created[0]) {
            byStateMachine.compute(record.stateMachineArn(), (key, executions) -> {
                ConcurrentSkipListMap<Long, ExecutionRecord> index = executions != null ? executions : new ConcurrentSkipListMap<>();
                index.put(record.sequence(), record);
                return index;
            });
            // Only now, with the record in both indexes, may it be counted as finished and become evictable.
            record.execution().completion().whenComplete((execution, failure) -> finished(record));
        }
        return record;
    }

    ExecutionRecord get(String arn) {
        return byArn.get(arn);
    }

    /** The executions of a state machine, newest first. */
    NavigableMap<Long, ExecutionRecord> newestFirst(String stateMachineArn) {
        ConcurrentSkipListMap<Long, ExecutionRecord> index = byStateMachine.get(stateMachineArn);
        return index == null ? new ConcurrentSkipListMap<Long, ExecutionRecord>().descendingMap() : index.descendingMap();
    }

    private void finished(ExecutionRecord record) {
        record.finishedAtNanos(nanoClock.getAsLong());
        synchronized (finished) {
            finished.addLast(record);
        }
        evict();
    }

    /** Drops finished executions beyond the count or age limit; cheap when there is nothing to drop. */
    void evict() {
        long now = nanoClock.getAsLong();
        while (true) {
            ExecutionRecord oldest;
            synchronized (finished) {
                oldest = finished.peekFirst();
                if (oldest == null) return;
                boolean tooMany = finished.size() > maxFinished;
                boolean tooOld = now - oldest.finishedAtNanos() > maxAgeNanos;
                if (!tooMany && !tooOld) return;
                finished.removeFirst();
            }
            remove(oldest);
        }
    }

    private void remove(ExecutionRecord record) {
        byArn.remove(record.arn(), record);
        byStateMachine.computeIfPresent(record.stateMachineArn(), (key, index) -> {
            index.remove(record.sequence(), record);
            return index.isEmpty() ? null : index;
        });
    }

    /** Executions kept, running or finished. */
    int size() {
        return byArn.size();
    }

    /** Finished executions kept. */
    int finishedCount() {
        synchronized (finished) {
            return finished.size();
        }
    }

    /** State machines (existing or deleted) that still have executions kept. */
    int indexedStateMachines() {
        return byStateMachine.size();
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
