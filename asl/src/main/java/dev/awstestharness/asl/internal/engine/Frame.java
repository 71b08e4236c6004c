package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.HistoryEvent;

/**
 * Where a chain of states runs: the execution, the cancellation scope, and the last history event of this chain
 * (the {@code previousEventId} of the next one). A Parallel branch and a Map iteration each get their own frame.
 */
final class Frame {
    final ExecutionRun run;
    final CancellationScope scope;
    private long lastEventId;

    Frame(ExecutionRun run, CancellationScope scope, long lastEventId) {
        this.run = run;
        this.scope = scope;
        this.lastEventId = lastEventId;
    }

    Frame branch(CancellationScope scope) {
        return new Frame(run, scope, lastEventId);
    }

    long lastEventId() {
        return lastEventId;
    }

    /** Records an event after the previous one of this chain and returns its id. */
    long record(String type, String detailsKey, Object... details) {
        HistoryEvent event = run.historyLog().append(lastEventId, type, detailsKey, details);
        lastEventId = event.id();
        return lastEventId;
    }
}
