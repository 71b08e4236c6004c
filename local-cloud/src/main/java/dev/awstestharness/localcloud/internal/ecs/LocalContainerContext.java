package dev.awstestharness.localcloud.internal.ecs;

import dev.awstestharness.localcloud.ContainerContext;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The context of one container of a local task. */
final class LocalContainerContext implements ContainerContext {
    private final String containerName;
    private final String taskArn;
    private final String taskDefinitionArn;
    private final String clusterArn;
    private final List<String> entryPoint;
    private final List<String> command;
    private final Map<String, String> environment;
    private final URI metadataEndpoint;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Object signal = new Object();
    private Thread thread; // guarded by signal
    private boolean acknowledged; // guarded by signal

    LocalContainerContext(String containerName, String taskArn, String taskDefinitionArn, String clusterArn, List<String> entryPoint,
            List<String> command, Map<String, String> environment, URI metadataEndpoint) {
        this.containerName = containerName;
        this.taskArn = taskArn;
        this.taskDefinitionArn = taskDefinitionArn;
        this.clusterArn = clusterArn;
        this.entryPoint = List.copyOf(entryPoint);
        this.command = List.copyOf(command);
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.metadataEndpoint = metadataEndpoint;
    }

    @Override
    public String containerName() {
        return containerName;
    }

    @Override
    public String taskArn() {
        return taskArn;
    }

    @Override
    public String taskDefinitionArn() {
        return taskDefinitionArn;
    }

    @Override
    public String clusterArn() {
        return clusterArn;
    }

    @Override
    public List<String> entryPoint() {
        return entryPoint;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public URI metadataEndpoint() {
        return metadataEndpoint;
    }

    @Override
    public boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returning {@code true} on the container's thread takes the stop signal as handled: the interrupt that came
     * with it is cleared (or never sent), so the program can clean up with blocking calls and exit with its own code.
     */
    @Override
    public boolean awaitStopping(Duration timeout) throws InterruptedException {
        boolean stoppingNow;
        try {
            stoppingNow = stopping.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            if (!isStopping()) throw e;
            stoppingNow = true;
        }
        if (stoppingNow) acknowledge();
        return stoppingNow;
    }

    /** The thread the container's program runs on, which the stop signal interrupts. */
    void attach(Thread thread) {
        synchronized (signal) {
            this.thread = thread;
        }
    }

    /** The stop signal: {@link #isStopping()} turns true, and the program's thread is interrupted unless it already knows. */
    void signalStopping() {
        synchronized (signal) {
            stopping.countDown();
            if (!acknowledged && thread != null) thread.interrupt();
        }
    }

    private void acknowledge() {
        synchronized (signal) {
            if (Thread.currentThread() != thread) return;
            acknowledged = true;
            Thread.interrupted();
        }
    }

    @Override
    public String toString() {
        return "ContainerContext[" + containerName + " of " + taskArn + "]";
    }
}
