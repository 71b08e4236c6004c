package dev.awstestharness.localcloud.internal.ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks, by id. Running tasks are always kept; stopped ones for {@code retention} at most and, beyond
 * {@code maxStopped}, the longest-stopped ones are dropped first. Thread-safe.
 */
final class TaskStore {
    private record Stopped(EcsTask task, Instant at) {}

    private final Map<String, EcsTask> tasks = new ConcurrentHashMap<>();
    private final Deque<Stopped> stopped = new ArrayDeque<>(); // in the order the tasks stopped
    private final int maxStopped;
    private final Duration retention;

    TaskStore(int maxStopped, Duration retention) {
        this.maxStopped = maxStopped;
        this.retention = retention;
    }

    void add(EcsTask task) {
        tasks.put(task.id(), task);
    }

    EcsTask get(String id) {
        return tasks.get(id);
    }

    /** Records that a task stopped, and drops what the limits no longer allow. */
    synchronized void stopped(EcsTask task, Instant at) {
        stopped.addLast(new Stopped(task, at));
        evict(at);
    }

    synchronized void evict(Instant now) {
        Instant oldest = now.minus(retention);
        while (!stopped.isEmpty() && (stopped.size() > maxStopped || stopped.peekFirst().at().isBefore(oldest))) {
            tasks.remove(stopped.removeFirst().task().id());
        }
    }

    /** The tasks kept, oldest first. */
    List<EcsTask> all() {
        List<EcsTask> all = new ArrayList<>(tasks.values());
        all.sort(Comparator.comparingLong(EcsTask::sequence));
        return all;
    }

    int size() {
        return tasks.size();
    }

    synchronized int stoppedCount() {
        return stopped.size();
    }
}
