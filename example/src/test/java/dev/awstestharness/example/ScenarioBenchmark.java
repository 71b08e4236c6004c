package dev.awstestharness.example;

import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.TestHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The time of one scenario, measured on the test bodies themselves (scenario 1: a Lambda function double; scenario 7:
 * an ECS task of two containers whose handlers write to S3 and DynamoDB), after warm-up. Not a timed test: it
 * reports, it does not assert. Run it with
 *
 * <pre>mvn -q -pl example -am install -DskipTests &amp;&amp; mvn -pl example verify -Pbenchmark</pre>
 *
 * (or -Dbenchmark.warmup=N -Dbenchmark.runs=N). It prints the figures and writes them to
 * {@code example/target/scenario-benchmark.txt}; see docs/performance.md, "The example suite".
 */
@Tag("benchmark")
@AwsTestHarness(template = "template.yaml")
class ScenarioBenchmark {
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 200);
    private static final int MAX_FAILURES = 10;

    TestHarness harness;

    @Test
    void scenarios() {
        LambdaFunctionDoubleTest lambda = new LambdaFunctionDoubleTest();
        lambda.harness = harness;
        EcsTaskDoubleTest ecs = new EcsTaskDoubleTest();
        ecs.harness = harness;

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%s, %s %s, %d CPUs, warm-up %d, runs %d%n", Instant.now(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(),
                WARMUP, RUNS));
        report.append(measure("scenario 1  (Lambda twin, LambdaFunctionDoubleTest.returnsWhatTheTwinComputes)", lambda::returnsWhatTheTwinComputes));
        report.append(measure("scenario 7  (ECS .sync, EcsTaskDoubleTest.runsBothContainersOfTheTaskToCompletion)",
                ecs::runsBothContainersOfTheTaskToCompletion));
        System.out.print(report);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "scenario-benchmark.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code scenario} WARMUP times, then RUNS times timing each run. A run that fails is counted and reported, not
     * timed; after {@link #MAX_FAILURES} failures the scenario stops (the figures then say so).
     */
    private static String measure(String name, Runnable scenario) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < WARMUP && failures.size() < MAX_FAILURES; i++) run(scenario, failures);
        long[] nanos = new long[RUNS];
        int timed = 0;
        for (int i = 0; i < RUNS && failures.size() < MAX_FAILURES; i++) {
            long start = System.nanoTime();
            if (run(scenario, failures)) nanos[timed++] = System.nanoTime() - start;
        }
        long[] sorted = Arrays.copyOf(nanos, timed);
        Arrays.sort(sorted);
        String figures = timed == 0 ? "no successful run"
                : String.format(Locale.ROOT, "median %7.2f ms  p90 %7.2f ms  min %7.2f ms  max %7.2f ms  (%d timed runs)",
                        millis(sorted[timed / 2]), millis(sorted[(int) (timed * 0.9)]), millis(sorted[0]), millis(sorted[timed - 1]), timed);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-90s %s%n", name, figures));
        if (!failures.isEmpty()) {
            line.append(String.format(Locale.ROOT, "    %d failed run(s)%s; the first: %s%n", failures.size(),
                    failures.size() >= MAX_FAILURES ? " (stopped)" : "", failures.get(0)));
        }
        return line.toString();
    }

    private static boolean run(Runnable scenario, List<String> failures) {
        try {
            scenario.run();
            return true;
        } catch (Throwable e) {
            String message = String.valueOf(e.getMessage());
            failures.add(e.getClass().getSimpleName() + ": " + (message.length() > 400 ? message.substring(0, 400) + "..." : message));
            return false;
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
