package dev.awstestharness.infrastructure;

import java.util.Set;
import java.util.TreeSet;

/** CloudWatch Logs accepts only these retention periods (days). */
final class LogRetention {
    static final Set<Integer> DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
            3653);

    private LogRetention() {}

    static int check(int days) {
        if (!DAYS.contains(days)) {
            throw new IllegalArgumentException("A log retention of " + days + " days is not one CloudWatch Logs accepts: " + new TreeSet<>(DAYS));
        }
        return days;
    }
}
