package dev.awstestharness.asl.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The work of an execution, or of the branches of one Parallel or Map state, that is cancelled together. Cancelling a
 * scope cancels its child scopes and completes every future it tracks (waits, tasks) with {@link Cancelled}.
 */
final class CancellationScope {
    private final CancellationScope parent;
    private volatile Cancelled cancelled;
    private List<CompletableFuture<?>> tracked;
    private List<CancellationScope> children;

    CancellationScope(CancellationScope parent) {
        this.parent = parent;
    }

    CancellationScope child() {
        CancellationScope child = new CancellationScope(this);
        Cancelled reason;
        synchronized (this) {
            reason = cancelled;
            if (reason == null) {
                if (children == null) children = new ArrayList<>();
                children.add(child);
            }
        }
        if (reason != null) child.cancel(reason);
        return child;
    }

    /** Detaches a finished child scope so that a long execution does not accumulate them. */
    synchronized void release(CancellationScope child) {
        if (children != null) children.remove(child);
    }

    /** The cancellation of this scope or of an enclosing one, or {@code null}. */
    Cancelled cancellation() {
        for (CancellationScope scope = this; scope != null; scope = scope.parent) {
            Cancelled reason = scope.cancelled;
            if (reason != null) return reason;
        }
        return null;
    }

    /** Completes {@code future} with the cancellation if this scope is (or becomes) cancelled before it completes. */
    <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        Cancelled reason = cancellation();
        if (reason == null) {
            synchronized (this) {
                reason = cancelled;
                if (reason == null) {
                    if (tracked == null) tracked = new ArrayList<>();
                    tracked.add(future);
                }
            }
            if (reason == null) {
                future.whenComplete((value, error) -> untrack(future));
                return future;
            }
        }
        future.completeExceptionally(reason);
        return future;
    }

    private synchronized void untrack(CompletableFuture<?> future) {
        if (tracked != null) tracked.remove(future);
    }

    void cancel(Cancelled reason) {
        List<CompletableFuture<?>> futures;
        List<CancellationScope> scopes;
        synchronized (this) {
            if (cancelled != null) return;
            cancelled = reason;
            futures = tracked == null ? List.of() : new ArrayList<>(tracked);
            scopes = children == null ? List.of() : new ArrayList<>(children);
        }
        for (CompletableFuture<?> future : futures) future.completeExceptionally(reason);
        for (CancellationScope child : scopes) child.cancel(reason);
    }
}
