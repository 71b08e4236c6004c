package dev.awstestharness.harness.internal.target;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the harness reads its settings: named parameters (JUnit configuration parameters, which include the JVM's
 * system properties) and environment variables. A blank value counts as absent.
 */
public interface SettingsSource {
    Optional<String> parameter(String name);

    Optional<String> environment(String name);

    /** Settings from a parameter lookup and an environment (tests, and the JUnit extension). */
    static SettingsSource of(Function<String, Optional<String>> parameters, Map<String, String> environment) {
        return new SettingsSource() {
            @Override
            public Optional<String> parameter(String name) {
                return parameters.apply(name).filter(value -> !value.isBlank()).map(String::trim);
            }

            @Override
            public Optional<String> environment(String name) {
                return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank()).map(String::trim);
            }
        };
    }

    /** The JVM's system properties and environment variables. */
    static SettingsSource system() {
        return of(name -> Optional.ofNullable(System.getProperty(name)), System.getenv());
    }
}
