package dev.awstestharness.localcloud.internal.ecs;

import dev.awstestharness.localcloud.ContainerProgram;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What running tasks share: the programs of the images, the local cloud's endpoint, the threads that run containers and
 * one timer thread for stop timeouts. Container threads are daemons: a program that never returns cannot keep the JVM
 * alive.
 */
final class TaskRuntime implements AutoCloseable {
    final String region;
    private final Map<String, ContainerProgram> images;
    private final ScheduledThreadPoolExecutor timers;
    private final AtomicInteger threadCount = new AtomicInteger();
    private volatile URI endpoint = URI.create("http://127.0.0.1");

    TaskRuntime(String region, Map<String, ContainerProgram> images) {
        this.region = region;
        this.images = Map.copyOf(images);
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "local-cloud-ecs-timers");
            thread.setDaemon(true);
            return thread;
        });
        // Stop timeouts of containers that exited in time are withdrawn; they must not pile up.
        timers.setRemoveOnCancelPolicy(true);
    }

    /** The program an image runs, or {@code null} when none is registered. */
    ContainerProgram program(String image) {
        return images.get(image);
    }

    /** The images that have a program, sorted. */
    List<String> registeredImages() {
        return new TreeSet<>(images.keySet()).stream().toList();
    }

    /** The local cloud's endpoint, known once its server listens. */
    URI endpoint() {
        return endpoint;
    }

    void endpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    Instant now() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    Thread containerThread(String name, Runnable body) {
        Thread thread = new Thread(body, "local-cloud-ecs-" + threadCount.incrementAndGet() + "-" + name);
        thread.setDaemon(true);
        return thread;
    }

    /** Runs {@code action} after {@code delay}; never once the runtime is closed (the returned future is then done). */
    Future<?> schedule(Duration delay, Runnable action) {
        try {
            return timers.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Runs {@code action} at a fixed delay until closed. */
    void every(Duration period, Runnable action) {
        timers.scheduleWithFixedDelay(action, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
