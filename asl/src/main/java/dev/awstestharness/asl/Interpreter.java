package dev.awstestharness.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.engine.EngineServices;
import dev.awstestharness.asl.internal.engine.ExecutionRun;
import dev.awstestharness.asl.internal.engine.TaskTokens;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.ServiceIntegrations;
import dev.awstestharness.asl.time.EngineClock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs state machine executions in-process.
 *
 * <pre>{@code
 * Interpreter interpreter = Interpreter.builder()
 *         .waitScale(0)                                   // Wait states and retry intervals take no real time
 *         .integration("arn:aws:states:::lambda:invoke", request -> CompletableFuture.completedFuture(...))
 *         .build();
 * Execution execution = interpreter.start(StateMachineDefinition.parse(json), ExecutionRequest.of("Orders", "run-1", input));
 * execution.await(Duration.ofSeconds(5));
 * }</pre>
 */
public final class Interpreter implements AutoCloseable {
    private final EngineServices services;
    private final ExecutorService ownedExecutor;

    private Interpreter(EngineServices services, ExecutorService ownedExecutor) {
        this.services = services;
        this.ownedExecutor = ownedExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an execution; its first states run on the interpreter's executor. */
    public Execution start(StateMachineDefinition definition, ExecutionRequest request) {
        ExecutionRun run = new ExecutionRun(services, request, definition.parsed().graph(), definition.timeoutSeconds());
        run.start();
        return run;
    }

    /** Completes the task waiting for {@code token} with {@code output}. */
    public void sendTaskSuccess(String token, JsonNode output) {
        services.taskTokens().succeed(token, output);
    }

    /** Fails the task waiting for {@code token}. */
    public void sendTaskFailure(String token, String error, String cause) {
        services.taskTokens().fail(token, error, cause);
    }

    /** Restarts the HeartbeatSeconds period of the task waiting for {@code token}. */
    public void sendTaskHeartbeat(String token) {
        services.taskTokens().heartbeat(token);
    }

    /** The integrations tasks call; more can be registered at any time. */
    public ServiceIntegrations integrations() {
        return services.integrations();
    }

    public EngineClock clock() {
        return services.clock();
    }

    @Override
    public void close() {
        if (ownedExecutor != null) ownedExecutor.shutdownNow();
    }

    public static final class Builder {
        private EngineClock clock = EngineClock.system();
        private Executor executor;
        private double waitScale = 1.0;
        private String region = "us-east-1";
        private Consumer<Execution> childExecutions = execution -> {};
        private final ServiceIntegrations integrations = new ServiceIntegrations();

        private Builder() {}

        public Builder clock(EngineClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The executor that resumes executions after a wait. Defaults to a pool of daemon threads owned by the
         * interpreter; a direct executor ({@code Runnable::run}) runs executions on the caller's thread.
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * How much real time Wait states and retry intervals take: 1 (the default) is real time, 0.001 makes a
         * one-hour wait take 3.6 seconds, 0 skips waiting. The execution's clock ({@code $$.State.EnteredTime}, history
         * timestamps) still advances by the full wait. Task timeouts and heartbeats always run in real time.
         */
        public Builder waitScale(double waitScale) {
            if (!(waitScale >= 0)) throw new IllegalArgumentException("waitScale must be 0 or more but was " + waitScale);
            this.waitScale = waitScale;
            return this;
        }

        /** The region shown in task history events. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Told of each child execution a distributed Map starts, before it runs (to list and describe it). */
        public Builder childExecutions(Consumer<Execution> listener) {
            this.childExecutions = listener;
            return this;
        }

        /** Registers an integration; see {@link ServiceIntegrations#register}. */
        public Builder integration(String resource, ServiceIntegration integration) {
            integrations.register(resource, integration);
            return this;
        }

        public Interpreter build() {
            ExecutorService owned = null;
            Executor chosen = executor;
            if (chosen == null) {
                AtomicInteger count = new AtomicInteger();
                owned = Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "asl-execution-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
                chosen = owned;
            }
            return new Interpreter(new EngineServices(clock, integrations, new TaskTokens(), chosen, waitScale, region, childExecutions), owned);
        }
    }
}
