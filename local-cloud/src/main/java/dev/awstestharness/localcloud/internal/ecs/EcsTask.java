package dev.awstestharness.localcloud.internal.ecs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One ECS task and its life: PROVISIONING, PENDING, RUNNING, DEPROVISIONING, STOPPED. Each container runs its image's
 * program on a thread of its own; an essential container that exits stops the task, and the others are told to stop
 * (the stop signal, then their stop timeout, then they count as killed). All state is guarded by this object's lock.
 */
final class EcsTask {
    static final String ESSENTIAL_CONTAINER_EXITED = "Essential container in task exited";
    /** A program that throws after the stop signal counts as a process the signal terminated: 128 + SIGTERM (15). */
    static final int TERMINATED = 143;
    /** A program still running after its stop timeout counts as killed: 128 + SIGKILL (9). */
    static final int KILLED = 137;
    private static final int MAX_REASON_LENGTH = 1024;
    private static final System.Logger LOG = System.getLogger(EcsTask.class.getName());

    private final TaskRuntime runtime;
    private final String arn;
    private final String id;
    private final long sequence;
    private final RunTaskRequest request;
    private final String availabilityZone;
    private final TaskNetwork network;
    private final List<TaskContainer> containers = new ArrayList<>();
    private final Map<String, String> imageDigests = new LinkedHashMap<>();
    private final Instant createdAt;
    private final Consumer<EcsTask> onStopped;
    private final CompletableFuture<TaskSnapshot> stopped = new CompletableFuture<>();

    private String lastStatus = "PROVISIONING";
    private String desiredStatus = "RUNNING";
    private long version = 1;
    private Instant pullStartedAt;
    private Instant pullStoppedAt;
    private Instant startedAt;
    private Instant connectivityAt;
    private Instant stoppingAt;
    private Instant executionStoppedAt;
    private Instant stoppedAt;
    private String stopCode;
    private String stoppedReason;

    EcsTask(TaskRuntime runtime, EcsArns arns, RunTaskRequest request, long sequence, Consumer<EcsTask> onStopped) {
        this.runtime = runtime;
        this.request = request;
        this.sequence = sequence;
        this.onStopped = onStopped;
        this.id = UUID.randomUUID().toString().replace("-", "");
        this.arn = arns.task(request.cluster().name(), id);
        this.createdAt = runtime.now();
        this.availabilityZone = runtime.region + "a";
        this.network = request.network() == null ? null : TaskNetwork.allocate(UUID.randomUUID().toString(), request.network().subnets(),
                request.network().securityGroups(), request.network().assignPublicIp());
        for (ContainerDefinition definition : request.definition().containers()) {
            String runtimeId = id + "-" + (1 + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE - 1));
            URI metadata = URI.create(runtime.endpoint() + TaskMetadataRoute.PATH + runtimeId);
            ContainerOverride override = request.overrides().get(definition.name());
            List<String> command = override != null && override.command() != null ? override.command() : definition.command();
            LocalContainerContext context = new LocalContainerContext(definition.name(), arn, request.definition().arn(), request.cluster().arn(),
                    definition.entryPoint(), command, environment(definition, override, metadata), metadata);
            containers.add(new TaskContainer(definition, arns.container(request.cluster().name(), id, UUID.randomUUID().toString()), runtimeId,
                    context));
            imageDigests.computeIfAbsent(definition.image(), EcsTask::digest);
        }
    }

    String arn() {
        return arn;
    }

    String id() {
        return id;
    }

    long sequence() {
        return sequence;
    }

    Cluster cluster() {
        return request.cluster();
    }

    /** Completes with the stopped task's snapshot once it is STOPPED. */
    CompletableFuture<TaskSnapshot> whenStopped() {
        return stopped.copy();
    }

    synchronized TaskSnapshot snapshot() {
        List<TaskSnapshot.ContainerSnapshot> containerSnapshots = new ArrayList<>();
        for (TaskContainer container : containers) {
            containerSnapshots.add(container.snapshot(pullStoppedAt == null ? null : imageDigests.get(container.definition.image())));
        }
        return new TaskSnapshot(arn, id, request.cluster(), request.definition(), request, availabilityZone, network, lastStatus, desiredStatus,
                version, createdAt, pullStartedAt, pullStoppedAt, startedAt, connectivityAt, stoppingAt, executionStoppedAt, stoppedAt, stopCode,
                stoppedReason, containerSnapshots);
    }

    /**
     * Pulls the images and starts the containers; a container whose image has no program fails the task to start, as
     * ECS fails a task whose image cannot be pulled. A task stopped before it started never runs a container.
     */
    void start() {
        boolean finished;
        synchronized (this) {
            if (!lastStatus.equals("PROVISIONING")) return;
            Instant now = runtime.now();
            if (desiredStatus.equals("STOPPED")) {
                finished = finish(now);
            } else {
                lastStatus = "PENDING";
                pullStartedAt = now;
                version++;
                String missing = null;
                for (TaskContainer container : containers) {
                    container.program = runtime.program(container.definition.image());
                    if (container.program == null && missing == null) missing = container.definition.image();
                }
                if (missing != null) {
                    String pullError = cannotPull(missing);
                    desiredStatus = "STOPPED";
                    stopCode = "TaskFailedToStart";
                    stoppedReason = pullError;
                    stoppingAt = now;
                    for (TaskContainer container : containers) {
                        if (container.program == null) container.reason = cannotPull(container.definition.image());
                    }
                    finished = finish(now);
                } else {
                    pullStoppedAt = now;
                    lastStatus = "RUNNING";
                    startedAt = now;
                    connectivityAt = now;
                    version++;
                    for (TaskContainer container : containers) {
                        container.lastStatus = "RUNNING";
                        container.startedAt = now;
                        container.thread = runtime.containerThread(container.definition.name(), () -> run(container));
                        container.context.attach(container.thread);
                        container.thread.start();
                    }
                    finished = false;
                }
            }
        }
        if (finished) completeStop();
    }

    /**
     * Stops the task unless it is already stopping: sends the containers the stop signal and, after each one's stop
     * timeout, counts those still running as killed.
     *
     * @return whether this call made the task stop
     */
    boolean stop(String code, String reason) {
        boolean finished;
        synchronized (this) {
            if (!desiredStatus.equals("RUNNING")) return false;
            finished = beginStop(code, reason);
        }
        if (finished) completeStop();
        return true;
    }

    /** Marks the task stopping and signals its containers; {@code true} when that finished the task. Needs the lock. */
    private boolean beginStop(String code, String reason) {
        Instant now = runtime.now();
        desiredStatus = "STOPPED";
        stopCode = code;
        stoppedReason = reason;
        stoppingAt = now;
        version++;
        if (lastStatus.equals("PROVISIONING")) return false; // start() sees it and runs nothing
        for (TaskContainer container : containers) {
            container.desiredStatus = "STOPPED";
            if (container.stopped()) continue;
            container.context.signalStopping();
            container.killTimer = runtime.schedule(container.definition.stopTimeout(), () -> kill(container));
        }
        return allContainersStopped() && finish(now);
    }

    /** Stops the task because the local cloud is closing: no stop timeout, every container still running is abandoned. */
    void abandon() {
        stop("UserInitiated", "The local cloud was closed");
        synchronized (this) {
            for (TaskContainer container : containers) {
                if (!container.stopped() && container.thread != null) container.thread.interrupt();
            }
        }
    }

    private void run(TaskContainer container) {
        int exitCode;
        String reason = null;
        try {
            exitCode = container.program.run(container.context);
        } catch (Throwable failure) {
            if (container.context.isStopping()) {
                exitCode = TERMINATED;
            } else {
                exitCode = 1;
                reason = describe(failure);
                LOG.log(System.Logger.Level.DEBUG, () -> "The program of container " + container.definition.name() + " in " + arn + " failed", failure);
            }
        }
        exited(container, exitCode, reason);
    }

    private void exited(TaskContainer container, int exitCode, String reason) {
        boolean finished;
        synchronized (this) {
            if (container.stopped()) return; // killed after its stop timeout; what it does later is ignored
            markStopped(container, exitCode, reason);
            if (container.definition.essential() && desiredStatus.equals("RUNNING")) {
                finished = beginStop("EssentialContainerExited", ESSENTIAL_CONTAINER_EXITED);
            } else {
                finished = allContainersStopped() && finish(runtime.now());
            }
        }
        if (finished) completeStop();
    }

    private void kill(TaskContainer container) {
        boolean finished;
        synchronized (this) {
            if (container.stopped()) return;
            markStopped(container, KILLED, null);
            if (container.thread != null) container.thread.interrupt();
            LOG.log(System.Logger.Level.DEBUG, () -> "The program of container " + container.definition.name() + " in " + arn
                    + " did not exit within its stop timeout of " + container.definition.stopTimeout() + "; it counts as killed");
            finished = allContainersStopped() && finish(runtime.now());
        }
        if (finished) completeStop();
    }

    private void markStopped(TaskContainer container, int exitCode, String reason) {
        container.lastStatus = "STOPPED";
        container.desiredStatus = "STOPPED";
        container.exitCode = exitCode;
        container.reason = reason;
        container.finishedAt = runtime.now();
        if (container.killTimer != null) container.killTimer.cancel(false);
        version++;
    }

    private boolean allContainersStopped() {
        for (TaskContainer container : containers) {
            if (!container.stopped()) return false;
        }
        return true;
    }

    /**
     * Makes the task STOPPED; {@code true} when this call did it. In-process there is no network interface to detach,
     * so the task passes DEPROVISIONING at once (it still counts as a version of its own).
     */
    private boolean finish(Instant now) {
        if (lastStatus.equals("STOPPED")) return false;
        for (TaskContainer container : containers) {
            container.lastStatus = "STOPPED";
            container.desiredStatus = "STOPPED";
        }
        desiredStatus = "STOPPED";
        if (stoppingAt == null) stoppingAt = now;
        executionStoppedAt = now;
        stoppedAt = now;
        lastStatus = "STOPPED";
        version += 2;
        return true;
    }

    private void completeStop() {
        TaskSnapshot snapshot = snapshot();
        onStopped.accept(this);
        stopped.complete(snapshot);
    }

    private Map<String, String> environment(ContainerDefinition definition, ContainerOverride override, URI metadata) {
        Map<String, String> environment = new LinkedHashMap<>(definition.environment());
        if (override != null) environment.putAll(override.environment());
        environment.putIfAbsent("AWS_REGION", runtime.region);
        environment.putIfAbsent("AWS_DEFAULT_REGION", runtime.region);
        environment.putIfAbsent("AWS_EXECUTION_ENV", request.launchType().equals("FARGATE") ? "AWS_ECS_FARGATE" : "AWS_ECS_EC2");
        environment.putIfAbsent("AWS_ENDPOINT_URL", runtime.endpoint().toString());
        environment.put("ECS_CONTAINER_METADATA_URI_V4", metadata.toString());
        return environment;
    }

    private String cannotPull(String image) {
        String registered = String.join(", ", runtime.registeredImages());
        return "CannotPullContainerError: the local cloud has no program for the image '" + image
                + "'; register one with LocalCloud.builder().containerImage(\"" + image + "\", program). Registered images: "
                + (registered.isEmpty() ? "none" : registered);
    }

    private static String describe(Throwable failure) {
        String text = failure.toString();
        return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "..." : text;
    }

    private static String digest(String image) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "EcsTask[" + arn + "]";
    }
}
