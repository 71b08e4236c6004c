package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.HistoryEvent;
import java.time.Instant;

/**
 * Where a chain of states runs: the execution, the cancellation scope, the variables, and the last history event of
 * this chain (the {@code previousEventId} of the next one). A Parallel branch and a Map iteration each get their own
 * frame and variable scope.
 */
final class Frame {
    final ExecutionRun run;
    final CancellationScope scope;
    final Variables variables;
    private long lastEventId;

    Frame(ExecutionRun run, CancellationScope scope, Variables variables, long lastEventId) {
        this.run = run;
        this.scope = scope;
        this.variables = variables;
        this.lastEventId = lastEventId;
    }

    /** A frame for a branch or iteration: its own chain of events and variable scope, cancelled with {@code scope}. */
    Frame branch(CancellationScope scope) {
        return new Frame(run, scope, variables.child(), lastEventId);
    }

    long lastEventId() {
        return lastEventId;
    }

    /** Records an event after the previous one of this chain and returns its id. */
    long record(String type, String detailsKey, Object... details) {
        return recordAt(run.now(), type, detailsKey, details);
    }

    /** Records an event with a time already read (one clock read per state entry). */
    long recordAt(Instant time, String type, String detailsKey, Object... details) {
        HistoryEvent event = run.historyLog().appendAt(time, lastEventId, type, detailsKey, details);
        lastEventId = event.id();
        return lastEventId;
    }
}
