package dev.awstestharness.harness.internal.twins;

import dev.awstestharness.doubles.contract.DoubleKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The twins of one test, by kind and target. Registering a twin for a double that has one replaces it. Thread-safe.
 */
public final class TwinRegistry {
    private final Map<Key, AbstractTwin<?, ?>> twins = new LinkedHashMap<>();

    private record Key(DoubleKind kind, String target) {}

    /** Registers {@code twin}, replacing the double's earlier twin. */
    public synchronized <T extends AbstractTwin<?, ?>> T register(T twin) {
        Key key = new Key(twin.kind(), twin.target());
        twins.remove(key); // keep registration order for diagnostics
        twins.put(key, twin);
        return twin;
    }

    /** The twin answering the double, or {@code null}. */
    public synchronized AbstractTwin<?, ?> find(DoubleKind kind, String target) {
        return twins.get(new Key(kind, target));
    }

    /**
     * The twin registered for a double.
     *
     * @param howToRegister the call that registers one, for the message
     * @throws IllegalArgumentException naming the twins that are registered
     */
    public synchronized <T extends AbstractTwin<?, ?>> T get(Class<T> type, DoubleKind kind, String target, String description,
            String howToRegister) {
        AbstractTwin<?, ?> twin = twins.get(new Key(kind, target));
        if (twin == null) {
            throw new IllegalArgumentException("No twin is registered for " + description + " in this test; " + registered()
                    + ". Register one with " + howToRegister);
        }
        return type.cast(twin);
    }

    /** Every twin, in the order they were registered. */
    public synchronized List<AbstractTwin<?, ?>> all() {
        return new ArrayList<>(twins.values());
    }

    /** "the twins registered are: ..." or "no twin is registered", for messages. */
    public synchronized String registered() {
        if (twins.isEmpty()) return "no twin is registered";
        return "the registered twins are: " + twins.values().stream().map(AbstractTwin::description).collect(Collectors.joining(", "));
    }
}
