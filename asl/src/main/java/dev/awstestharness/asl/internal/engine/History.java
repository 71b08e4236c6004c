package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The events of one execution in order; ids are assigned on append, starting at 1. */
final class History {
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Supplier<java.time.Instant> clock;

    History(Supplier<java.time.Instant> clock) {
        this.clock = clock;
    }

    synchronized HistoryEvent append(long previousEventId, String type, String detailsKey, Object... details) {
        HistoryEvent event = new HistoryEvent(events.size() + 1, previousEventId, clock.get(), type, detailsKey, details);
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
