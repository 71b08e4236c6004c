package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The events of one execution in order; ids are assigned on append, starting at 1. */
final class History {
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Supplier<Instant> clock;

    History(Supplier<java.time.Instant> clock) {
        this.clock = clock;
    }

    HistoryEvent append(long previousEventId, String type, String detailsKey, Object... details) {
        return appendAt(clock.get(), previousEventId, type, detailsKey, details);
    }

    synchronized HistoryEvent appendAt(Instant time, long previousEventId, String type, String detailsKey, Object... details) {
        HistoryEvent event = new HistoryEvent(events.size() + 1, previousEventId, time, type, detailsKey, details);
        events.add(event);
        return event;
    }

    synchronized List<HistoryEvent> snapshot() {
        return List.copyOf(events);
    }

    synchronized int size() {
        return events.size();
    }
}
