package dev.awstestharness.harness.internal.junit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The aws targets of this JVM, shared by every JUnit Platform run in it. A deployed stack can serve one run at a time
 * (another run's listener would take its invocations), and a suite may run tests through the platform from within a
 * test (the JUnit Platform test kit, as the example's fail-fast scenarios do): such a nested run uses the target of the
 * run around it instead of starting a second one on the same stack. Each run holds a {@link Reference}, closed with its
 * root store; the target closes with the last one.
 */
final class SharedTargets {
    private static final Map<String, Entry> TARGETS = new HashMap<>();

    private static final class Entry {
        final ActiveTarget target;
        int references;

        Entry(ActiveTarget target) {
            this.target = target;
        }
    }

    /** One run's use of a shared target. */
    static final class Reference implements AutoCloseable {
        private final String key;
        private final ActiveTarget target;
        private boolean closed;

        private Reference(String key, ActiveTarget target) {
            this.key = key;
            this.target = target;
        }

        ActiveTarget target() {
            return target;
        }

        @Override
        public void close() {
            ActiveTarget last = null;
            synchronized (TARGETS) {
                if (closed) return;
                closed = true;
                Entry entry = TARGETS.get(key);
                if (entry != null && entry.target == target && --entry.references == 0) {
                    TARGETS.remove(key);
                    last = target;
                }
            }
            if (last != null) last.close();
        }
    }

    private SharedTargets() {}

    /** A reference to the target {@code key}, started with {@code start} if this JVM has none. */
    static Reference reference(String key, Supplier<ActiveTarget> start) {
        synchronized (TARGETS) {
            Entry entry = TARGETS.get(key);
            if (entry == null) {
                entry = new Entry(start.get());
                TARGETS.put(key, entry);
            }
            entry.references++;
            return new Reference(key, entry.target);
        }
    }
}
