package dev.awstestharness.infrastructure.macro;

import dev.awstestharness.infrastructure.RunnerImage;
import dev.awstestharness.infrastructure.S3Location;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.util.Map;

/**
 * The macro function's environment, which the installation stack sets: where the relay's code and the runner's image
 * are, and the settings of the doubles it generates.
 */
public final class MacroEnvironment {
    public static final String MACRO_NAME = "MACRO_NAME";
    public static final String RELAY_CODE_BUCKET = "RELAY_CODE_BUCKET";
    public static final String RELAY_CODE_KEY = "RELAY_CODE_KEY";
    public static final String RUNNER_REPOSITORY_NAME = "RUNNER_REPOSITORY_NAME";
    public static final String RUNNER_IMAGE_TAG = "RUNNER_IMAGE_TAG";
    public static final String LOG_GROUP_PREFIX = "LOG_GROUP_PREFIX";
    public static final String LOG_RETENTION_DAYS = "LOG_RETENTION_DAYS";
    public static final String RESULT_TIMEOUT_SECONDS = "RESULT_TIMEOUT_SECONDS";

    private MacroEnvironment() {}

    /**
     * The settings the environment gives.
     *
     * @throws IllegalStateException naming the variable that is missing or invalid (the installation is incomplete)
     */
    public static TestDoublesSettings settings(Map<String, String> environment) {
        try {
            return TestDoublesSettings.builder()
                    .macroName(required(environment, MACRO_NAME))
                    .relayCode(S3Location.of(required(environment, RELAY_CODE_BUCKET), required(environment, RELAY_CODE_KEY)))
                    .runnerImage(new RunnerImage(required(environment, RUNNER_REPOSITORY_NAME), required(environment, RUNNER_IMAGE_TAG)))
                    .logGroupPrefix(environment.getOrDefault(LOG_GROUP_PREFIX, TestDoublesSettings.DEFAULT_LOG_GROUP_PREFIX))
                    .logRetentionDays(number(environment, LOG_RETENTION_DAYS, TestDoublesSettings.DEFAULT_LOG_RETENTION_DAYS))
                    .resultTimeoutSeconds(number(environment, RESULT_TIMEOUT_SECONDS, TestDoublesSettings.DEFAULT_RESULT_TIMEOUT_SECONDS))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The macro's installation is incomplete or invalid: " + e.getMessage()
                    + "; reinstall with the installer", e);
        }
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + name + " of the macro's function is not set");
        }
        return value.strip();
    }

    private static int number(Map<String, String> environment, String name, int defaultValue) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) return defaultValue;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the environment variable " + name + " of the macro's function is '" + value + "', not a whole number",
                    e);
        }
    }
}
