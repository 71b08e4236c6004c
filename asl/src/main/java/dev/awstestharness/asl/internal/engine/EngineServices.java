package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.spi.ServiceIntegrations;
import dev.awstestharness.asl.time.EngineClock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What every execution of one interpreter shares: the clock, the integrations, the task tokens, the executor that
 * runs states after a wait, and the scale applied to Wait states and retry intervals (1 = real time, 0 = no waiting;
 * the execution's own clock still advances by the full amount), and who is told of the child executions of distributed
 * Maps.
 */
public record EngineServices(
        EngineClock clock,
        ServiceIntegrations integrations,
        TaskTokens taskTokens,
        Executor executor,
        double waitScale,
        String region,
        Consumer<Execution> childExecutions) {}
