package dev.awstestharness.doubles.internal;

import dev.awstestharness.doubles.contract.HarnessEnvironment;
import java.util.Map;

/** The harness variables a double reads from its environment, with errors naming what is missing or malformed. */
public final class Settings {
    private final Map<String, String> environment;
    private final String subject;

    /** {@code description} names the double in messages, e.g. {@code Lambda function double 'First'}. */
    public Settings(Map<String, String> environment, String description) {
        this.environment = environment;
        this.subject = description;
    }

    /** The value of a variable that must be set. */
    public String required(String name) {
        String value = HarnessEnvironment.value(environment, name);
        if (value == null || value.isBlank()) {
            String names = HarnessEnvironment.isHarnessVariable(name) ? name + " (" + HarnessEnvironment.lambdaName(name) + " on a Lambda function)" : name;
            throw new IllegalStateException("The " + subject + " lacks the environment variable " + names
                    + "; the test doubles' infrastructure sets it (see HarnessEnvironment)");
        }
        return value.strip();
    }

    /** The value of {@link HarnessEnvironment#RESULT_TIMEOUT_MILLIS}, or {@code null} when it is not set. */
    public Long resultTimeoutMillis() {
        String value = HarnessEnvironment.value(environment, HarnessEnvironment.RESULT_TIMEOUT_MILLIS);
        if (value == null || value.isBlank()) return null;
        try {
            long millis = Long.parseLong(value.strip());
            if (millis >= 0) return millis;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("The " + subject + " has " + HarnessEnvironment.RESULT_TIMEOUT_MILLIS + "='" + value
                + "'; it must be a whole number of milliseconds, 0 or more");
    }
}
