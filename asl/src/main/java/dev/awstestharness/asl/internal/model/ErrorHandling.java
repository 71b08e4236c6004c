package dev.awstestharness.asl.internal.model;

import java.util.List;

/** {@code Retry} and {@code Catch} of a Task, Parallel or Map state. */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    public Retrier retrierFor(String error) {
        for (Retrier retrier : retriers) {
            if (retrier.handles(error)) return retrier;
        }
        return null;
    }

    public int indexOf(Retrier retrier) {
        return retriers.indexOf(retrier);
    }

    public Catcher catcherFor(String error) {
        for (Catcher catcher : catchers) {
            if (catcher.handles(error)) return catcher;
        }
        return null;
    }
}
