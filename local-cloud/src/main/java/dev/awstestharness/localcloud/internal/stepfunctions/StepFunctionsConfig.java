package dev.awstestharness.localcloud.internal.stepfunctions;

import java.time.Duration;
import java.util.Objects;

/**
 * How the local Step Functions service behaves.
 *
 * @param waitScale real time taken by Wait states and retry intervals (1 = real time, 0 = none)
 * @param maxFinishedExecutions finished executions kept for Describe/List/GetExecutionHistory; older ones are dropped
 * @param maxFinishedAge how long a finished execution is kept at most
 * @param syncExecutionTimeout how long StartSyncExecution waits before it times the execution out (AWS: 5 minutes)
 */
public record StepFunctionsConfig(
        String region,
        String accountId,
        double waitScale,
        int maxFinishedExecutions,
        Duration maxFinishedAge,
        Duration syncExecutionTimeout) {

    public static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);

    public StepFunctionsConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(maxFinishedAge, "maxFinishedAge");
        Objects.requireNonNull(syncExecutionTimeout, "syncExecutionTimeout");
        if (!(waitScale >= 0)) throw new IllegalArgumentException("waitScale must be 0 or more but was " + waitScale);
        if (maxFinishedExecutions < 0) throw new IllegalArgumentException("maxFinishedExecutions must be 0 or more but was " + maxFinishedExecutions);
        if (maxFinishedAge.isNegative()) throw new IllegalArgumentException("maxFinishedAge must not be negative but was " + maxFinishedAge);
        if (!accountId.matches("\\d{12}")) throw new IllegalArgumentException("accountId must be 12 digits but was '" + accountId + "'");
        if (!region.matches("[a-z0-9-]+")) throw new IllegalArgumentException("region must look like us-east-1 but was '" + region + "'");
    }

    public static StepFunctionsConfig defaults() {
        return new StepFunctionsConfig("us-east-1", "123456789012", 1.0, 10_000, Duration.ofHours(1), EXPRESS_LIMIT);
    }
}
