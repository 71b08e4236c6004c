package dev.awstestharness.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Measures (not a test) the time of whole tests, from the start event to the finish event of each (beforeEach, the test,
 * afterEach): {@code java -cp ... dev.awstestharness.harness.HarnessMeasurement}.
 */
public final class HarnessMeasurement {
    public static void main(String[] args) {
        long start = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass("dev.awstestharness.harness.fixtures.SpeedTestCase")).execute();
        long total = System.nanoTime() - start;
        results.testEvents().assertStatistics(stats -> stats.failed(0));
        Map<String, java.time.Instant> started = new HashMap<>();
        Map<String, List<Duration>> byMethod = new HashMap<>();
        java.time.Instant classStart = null;
        for (Event event : results.allEvents().list()) {
            String id = event.getTestDescriptor().getUniqueId().toString();
            if (event.getType() == EventType.STARTED) {
                started.put(id, event.getTimestamp());
                if (event.getTestDescriptor().isContainer() && id.endsWith("SpeedTestCase]")) classStart = event.getTimestamp();
            }
            if (event.getType() == EventType.FINISHED && event.getTestDescriptor().isTest()) {
                String method = id.contains("lambda") ? "lambda" : "ecs";
                byMethod.computeIfAbsent(method, key -> new ArrayList<>()).add(Duration.between(started.get(id), event.getTimestamp()));
            }
        }
        System.out.printf("whole run %.0f ms%n", total / 1e6);
        List<Long> executes = new ArrayList<>(dev.awstestharness.harness.fixtures.SpeedTestCase.EXECUTE_NANOS);
        executes = new ArrayList<>(executes.subList(executes.size() / 3, executes.size()));
        Collections.sort(executes);
        System.out.printf("lambda execute() alone after warm-up: median %.2f ms%n", executes.get(executes.size() / 2) / 1e6);
        List<Long> toHandler = new ArrayList<>(dev.awstestharness.harness.fixtures.SpeedTestCase.TO_HANDLER_NANOS);
        toHandler = new ArrayList<>(toHandler.subList(toHandler.size() / 3, toHandler.size()));
        Collections.sort(toHandler);
        System.out.printf("lambda from execute() to the twin's handler: median %.2f ms%n", toHandler.get(toHandler.size() / 2) / 1e6);
        byMethod.forEach((method, durations) -> {
            List<Duration> afterWarmUp = new ArrayList<>(durations.subList(durations.size() / 3, durations.size()));
            Collections.sort(afterWarmUp);
            System.out.printf("%s: first %.1f ms, second %.1f ms; after warm-up (last %d): median %.2f ms, p90 %.2f ms, min %.2f ms%n", method,
                    durations.get(0).toNanos() / 1e6, durations.get(1).toNanos() / 1e6, afterWarmUp.size(),
                    afterWarmUp.get(afterWarmUp.size() / 2).toNanos() / 1e6, afterWarmUp.get(afterWarmUp.size() * 9 / 10).toNanos() / 1e6,
                    afterWarmUp.get(0).toNanos() / 1e6);
        });
    }
}
