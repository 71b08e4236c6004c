package dev.awstestharness.localcloud.internal.stepfunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/** The state machines, by ARN and in creation order. Thread-safe; reads take no lock. */
final class StateMachineStore {
    private final Map<String, StateMachineRecord> byArn = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, StateMachineRecord> bySequence = new ConcurrentSkipListMap<>();
    private long nextSequence = 1;

    /**
     * Adds the machine {@code create} builds for the next sequence number, unless one with that ARN exists: then
     * returns the existing one, which the caller compares.
     */
    synchronized StateMachineRecord createIfAbsent(String arn, LongFunction<StateMachineRecord> create) {
        StateMachineRecord existing = byArn.get(arn);
        if (existing != null) return existing;
        StateMachineRecord created = create.apply(nextSequence++);
        byArn.put(arn, created);
        bySequence.put(created.sequence(), created);
        return created;
    }

    StateMachineRecord get(String arn) {
        return byArn.get(arn);
    }

    /** Replaces a machine with {@code update}'s result; {@code null} when there is no such machine. */
    synchronized StateMachineRecord update(String arn, UnaryOperator<StateMachineRecord> update) {
        StateMachineRecord existing = byArn.get(arn);
        if (existing == null) return null;
        StateMachineRecord updated = update.apply(existing);
        byArn.put(arn, updated);
        bySequence.put(updated.sequence(), updated);
        return updated;
    }

    synchronized StateMachineRecord delete(String arn) {
        StateMachineRecord removed = byArn.remove(arn);
        if (removed != null) bySequence.remove(removed.sequence());
        return removed;
    }

    /** Up to {@code max} machines in creation order, starting at sequence number {@code from}. */
    List<StateMachineRecord> page(long from, int max) {
        List<StateMachineRecord> page = new ArrayList<>(Math.min(max, 64));
        for (StateMachineRecord record : bySequence.tailMap(from, true).values()) {
            if (page.size() == max) break;
            page.add(record);
        }
        return page;
    }

    int size() {
        return byArn.size();
    }
}
