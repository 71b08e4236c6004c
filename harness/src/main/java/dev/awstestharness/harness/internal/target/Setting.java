package dev.awstestharness.harness.internal.target;

import java.util.Optional;

/**
 * One setting of the harness: a parameter (system property or JUnit configuration parameter) and an environment
 * variable; the parameter wins.
 */
public record Setting(String property, String variable) {
    public static final Setting TARGET = new Setting("aws.test.harness.target", "AWS_TEST_HARNESS_TARGET");
    public static final Setting STACK_NAME = new Setting("aws.test.harness.stackName", "AWS_TEST_HARNESS_STACK_NAME");
    public static final Setting REGION = new Setting("aws.test.harness.region", "AWS_TEST_HARNESS_REGION");
    public static final Setting PROFILE = new Setting("aws.test.harness.profile", "AWS_TEST_HARNESS_PROFILE");
    public static final Setting ROLE_ARN = new Setting("aws.test.harness.roleArn", "AWS_TEST_HARNESS_ROLE_ARN");
    public static final Setting EXECUTION_TIMEOUT = new Setting("aws.test.harness.executionTimeout", "AWS_TEST_HARNESS_EXECUTION_TIMEOUT");
    /** The SDK's own region settings, read after {@link #REGION}. */
    public static final Setting SDK_REGION = new Setting("aws.region", "AWS_REGION");
    /** The SDK's own profile settings, read after {@link #PROFILE}. */
    public static final Setting SDK_PROFILE = new Setting("aws.profile", "AWS_PROFILE");

    /** A value and where it came from, for messages. */
    public record Value(String text, String origin) {}

    public Optional<Value> read(SettingsSource source) {
        Optional<String> parameter = source.parameter(property);
        if (parameter.isPresent()) return Optional.of(new Value(parameter.get(), "the system property or JUnit configuration parameter " + property));
        return source.environment(variable).map(value -> new Value(value, "the environment variable " + variable));
    }

    /** How a user gives it: {@code -Dproperty=example (or the environment variable VARIABLE)}. */
    public String howToSet(String example) {
        return "-D" + property + "=" + example + " (or the environment variable " + variable + ")";
    }
}
