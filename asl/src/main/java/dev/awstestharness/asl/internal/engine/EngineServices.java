package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.spi.ServiceIntegrations;
import dev.awstestharness.asl.time.EngineClock;
import java.util.concurrent.Executor;

/**
 * What every execution of one interpreter shares: the clock, the integrations, the task tokens, the executor that
 * runs states after a wait, and the scale applied to Wait states and retry intervals (1 = real time, 0 = no waiting;
 * the execution's own clock still advances by the full amount).
 */
public record EngineServices(
        EngineClock clock, ServiceIntegrations integrations, TaskTokens taskTokens, Executor executor, double waitScale, String region) {}
