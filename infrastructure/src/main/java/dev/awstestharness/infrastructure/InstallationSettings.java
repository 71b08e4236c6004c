package dev.awstestharness.infrastructure;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the installation stack is named and configured (see {@link InstallationStack} for its parameters and outputs).
 *
 * @param macroNamePrefix put before {@value Templates#TRANSFORM_NAME} to name the macro (empty by default), so that
 *     several installations can live in one account and region; users then write the prefixed name in {@code Transform}
 * @param runnerRepositoryName the ECR repository of the ECS task runner image
 * @param logGroupPrefix the start of every log group name: the macro's ({@code <prefix><macro name>}) and, through the
 *     macro, the test stacks' ({@code <prefix><stack name>})
 * @param logRetentionDays how long the macro's and the doubles' logs are kept
 * @param keptRunnerImages how many runner images the repository keeps (older ones expire)
 * @param resultTimeoutSeconds how long the doubles of the test stacks wait for the harness's answer
 */
public record InstallationSettings(String macroNamePrefix, String runnerRepositoryName, String logGroupPrefix, int logRetentionDays,
        int keptRunnerImages, int resultTimeoutSeconds) {
    public static final String DEFAULT_RUNNER_REPOSITORY_NAME = "aws-test-harness/ecs-task-runner";
    public static final int DEFAULT_KEPT_RUNNER_IMAGES = 10;
    static final Pattern MACRO_NAME_PREFIX = Pattern.compile("[A-Za-z0-9_-]{0,64}");

    public InstallationSettings {
        Objects.requireNonNull(macroNamePrefix, "macroNamePrefix");
        Objects.requireNonNull(runnerRepositoryName, "runnerRepositoryName");
        Objects.requireNonNull(logGroupPrefix, "logGroupPrefix");
        if (!MACRO_NAME_PREFIX.matcher(macroNamePrefix).matches()) {
            throw new IllegalArgumentException("The macro name prefix '" + macroNamePrefix + "' is not valid: up to 64 letters, digits, '-' and '_'");
        }
        new RunnerImage(runnerRepositoryName, "latest"); // validates the name
        if (!TestDoublesSettings.LOG_GROUP_PREFIX.matcher(logGroupPrefix).matches()) {
            throw new IllegalArgumentException("The log group prefix '" + logGroupPrefix + "' is not valid: up to 256 letters, digits and _ / . # -");
        }
        LogRetention.check(logRetentionDays);
        if (keptRunnerImages < 1 || keptRunnerImages > 1000) {
            throw new IllegalArgumentException("The number of kept runner images must be 1 to 1000, but is " + keptRunnerImages);
        }
        if (resultTimeoutSeconds < 1 || resultTimeoutSeconds > TestDoublesSettings.MAX_RESULT_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("The result timeout must be 1 to " + TestDoublesSettings.MAX_RESULT_TIMEOUT_SECONDS
                    + " seconds, but is " + resultTimeoutSeconds);
        }
    }

    /** The defaults: no prefix, {@value #DEFAULT_RUNNER_REPOSITORY_NAME}, {@code /aws-test-harness/}, 1 day, 10 images, 60 s. */
    public static InstallationSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The macro's name: {@code <macroNamePrefix>AWSTestHarness-TestDoubles}. */
    public String macroName() {
        return macroNamePrefix + Templates.TRANSFORM_NAME;
    }

    public static final class Builder {
        private String macroNamePrefix = "";
        private String runnerRepositoryName = DEFAULT_RUNNER_REPOSITORY_NAME;
        private String logGroupPrefix = TestDoublesSettings.DEFAULT_LOG_GROUP_PREFIX;
        private int logRetentionDays = TestDoublesSettings.DEFAULT_LOG_RETENTION_DAYS;
        private int keptRunnerImages = DEFAULT_KEPT_RUNNER_IMAGES;
        private int resultTimeoutSeconds = TestDoublesSettings.DEFAULT_RESULT_TIMEOUT_SECONDS;

        private Builder() {}

        public Builder macroNamePrefix(String macroNamePrefix) {
            this.macroNamePrefix = macroNamePrefix;
            return this;
        }

        public Builder runnerRepositoryName(String runnerRepositoryName) {
            this.runnerRepositoryName = runnerRepositoryName;
            return this;
        }

        public Builder logGroupPrefix(String logGroupPrefix) {
            this.logGroupPrefix = logGroupPrefix;
            return this;
        }

        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public Builder keptRunnerImages(int keptRunnerImages) {
            this.keptRunnerImages = keptRunnerImages;
            return this;
        }

        public Builder resultTimeoutSeconds(int resultTimeoutSeconds) {
            this.resultTimeoutSeconds = resultTimeoutSeconds;
            return this;
        }

        /** @throws IllegalArgumentException naming the invalid setting */
        public InstallationSettings build() {
            return new InstallationSettings(macroNamePrefix, runnerRepositoryName, logGroupPrefix, logRetentionDays, keptRunnerImages,
                    resultTimeoutSeconds);
        }
    }
}
