package dev.awstestharness.asl.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

final class SystemEngineClock implements EngineClock {
    static final SystemEngineClock INSTANCE = new SystemEngineClock();

    private final ScheduledExecutorService scheduler;

    private SystemEngineClock() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "asl-clock");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled timers (a task finished before its timeout) must not pile up in the queue.
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = Executors.unconfigurableScheduledExecutorService(executor);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        ScheduledFuture<?> future = scheduler.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
