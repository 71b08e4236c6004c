package dev.awstestharness.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Background load, as the peer runner measures it (shared/perf/common.mjs): the CPU time that OTHER processes used over
 * an interval, in cores (0 = the machine is otherwise idle, 1 = one core busy elsewhere). Busy jiffies of /proc/stat
 * minus this JVM's own CPU time (all its threads: the benchmark, the JIT compilers, the GC).
 */
final class LoadProbe {
    private static final double CLK_TCK = 100; // USER_HZ on Linux x86_64
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final double busy0;
    private final long own0;
    private final long t0;

    private LoadProbe() {
        busy0 = busySeconds();
        own0 = ownCpuNanos();
        t0 = System.nanoTime();
    }

    static LoadProbe start() {
        return new LoadProbe();
    }

    /** Cores used by other processes since the start; NaN where /proc/stat or the process CPU time is unavailable. */
    double bgCores() {
        double own = (ownCpuNanos() - own0) / 1e9;
        double seconds = (System.nanoTime() - t0) / 1e9;
        return Math.max(0, (busySeconds() - busy0 - own) / seconds);
    }

    /** Waits (at most {@code maxWaitSeconds}) for a 1-s window in which others use at most {@code maxBg} cores. */
    static Quiet waitForQuiet(double maxBg, double maxWaitSeconds) {
        long t0 = System.nanoTime();
        double bg = Double.POSITIVE_INFINITY;
        while ((System.nanoTime() - t0) / 1e9 < maxWaitSeconds) {
            LoadProbe probe = start();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            bg = probe.bgCores();
            if (!(bg > maxBg)) break; // NaN (no /proc/stat) counts as quiet
        }
        return new Quiet((System.nanoTime() - t0) / 1e9, bg, !(bg > maxBg));
    }

    record Quiet(double waitedSeconds, double bgCores, boolean quiet) {}

    private static double busySeconds() {
        try {
            String first = Files.readAllLines(PROC_STAT).get(0).trim();
            String[] f = first.split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return (user + nice + system + irq + softirq + steal) / CLK_TCK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long ownCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            if (nanos >= 0) return nanos;
        }
        return 0;
    }
}
