package dev.awstestharness.infrastructure;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the test-doubles resources need besides the declaration: where the Lambda relay's code and the ECS runner's
 * image are (both installed by the installation stack), and a few limits. The macro builds these from its
 * environment, which the installation stack sets; offline renderers give them directly.
 *
 * @param macroName the name of the transform that these settings render ({@code [prefix]AWSTestHarness-TestDoubles});
 *     its entry is removed from a rendered template's {@code Transform}
 * @param relayCode the Lambda relay's deployment package (a jar with {@code dev.awstestharness.doubles.lambda.LambdaRelay})
 * @param runnerImage the ECS task runner's image
 * @param logGroupPrefix the start of the doubles' log group name, which ends with the stack's name
 * @param logRetentionDays how long the doubles' logs are kept (a value CloudWatch Logs accepts)
 * @param resultTimeoutSeconds how long a double waits for the harness's answer (1 to 840)
 */
public record TestDoublesSettings(String macroName, S3Location relayCode, RunnerImage runnerImage, String logGroupPrefix, int logRetentionDays,
        int resultTimeoutSeconds) {
    public static final String DEFAULT_LOG_GROUP_PREFIX = "/aws-test-harness/";
    public static final int DEFAULT_LOG_RETENTION_DAYS = 1;
    public static final int DEFAULT_RESULT_TIMEOUT_SECONDS = 60;
    /** Lambda's limit is 900 s; the relay's function gets the result timeout plus a minute to start and answer. */
    public static final int MAX_RESULT_TIMEOUT_SECONDS = 840;
    static final Pattern LOG_GROUP_PREFIX = Pattern.compile("[A-Za-z0-9_/.#-]{0,256}");
    static final Pattern MACRO_NAME = Pattern.compile("[A-Za-z0-9_:-]{1,128}");

    public TestDoublesSettings {
        Objects.requireNonNull(macroName, "macroName");
        Objects.requireNonNull(relayCode, "relayCode");
        Objects.requireNonNull(runnerImage, "runnerImage");
        Objects.requireNonNull(logGroupPrefix, "logGroupPrefix");
        if (!MACRO_NAME.matcher(macroName).matches()) {
            throw new IllegalArgumentException("The macro name '" + macroName + "' is not valid: 1 to 128 letters, digits, '-', '_' and ':'");
        }
        if (!LOG_GROUP_PREFIX.matcher(logGroupPrefix).matches()) {
            throw new IllegalArgumentException("The log group prefix '" + logGroupPrefix + "' is not valid: up to 256 letters, digits and _ / . # -");
        }
        LogRetention.check(logRetentionDays);
        if (resultTimeoutSeconds < 1 || resultTimeoutSeconds > MAX_RESULT_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("The result timeout must be 1 to " + MAX_RESULT_TIMEOUT_SECONDS + " seconds, but is "
                    + resultTimeoutSeconds);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().macroName(macroName).relayCode(relayCode).runnerImage(runnerImage).logGroupPrefix(logGroupPrefix)
                .logRetentionDays(logRetentionDays).resultTimeoutSeconds(resultTimeoutSeconds);
    }

    /** Defaults: macro {@value Templates#TRANSFORM_NAME}, log group prefix {@value #DEFAULT_LOG_GROUP_PREFIX}, 1 day, 60 s. */
    public static final class Builder {
        private String macroName = Templates.TRANSFORM_NAME;
        private S3Location relayCode;
        private RunnerImage runnerImage;
        private String logGroupPrefix = DEFAULT_LOG_GROUP_PREFIX;
        private int logRetentionDays = DEFAULT_LOG_RETENTION_DAYS;
        private int resultTimeoutSeconds = DEFAULT_RESULT_TIMEOUT_SECONDS;

        private Builder() {}

        public Builder macroName(String macroName) {
            this.macroName = macroName;
            return this;
        }

        public Builder relayCode(S3Location relayCode) {
            this.relayCode = relayCode;
            return this;
        }

        public Builder runnerImage(RunnerImage runnerImage) {
            this.runnerImage = runnerImage;
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

        public Builder resultTimeoutSeconds(int resultTimeoutSeconds) {
            this.resultTimeoutSeconds = resultTimeoutSeconds;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is missing or invalid */
        public TestDoublesSettings build() {
            if (relayCode == null) throw new IllegalArgumentException("The test-doubles settings need relayCode: the S3 location of the Lambda relay's jar");
            if (runnerImage == null) throw new IllegalArgumentException("The test-doubles settings need runnerImage: the ECR repository and tag of the ECS task runner");
            return new TestDoublesSettings(macroName, relayCode, runnerImage, logGroupPrefix, logRetentionDays, resultTimeoutSeconds);
        }
    }
}
