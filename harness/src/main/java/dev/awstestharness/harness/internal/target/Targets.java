package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.Declaration;
import java.time.Duration;
import java.util.Locale;

/** Starts the target a configuration names. */
public final class Targets {
    private Targets() {}

    /**
     * What to start.
     *
     * @param kind {@code local} or {@code aws}
     * @param source where the kind came from, for messages ("the default", "system property aws.test.harness.target")
     * @param waitScale the local cloud's wait scale
     * @param settings where the aws target's settings and the execution timeout are read
     */
    public record Configuration(String kind, String source, double waitScale, SettingsSource settings) {}

    /** How the aws target reaches AWS; the harness's own tests replace it (never a setting). */
    static volatile AwsConnections awsConnections = AwsConnections.AWS;
    /** How long the aws target's lease on its stack lasts; the harness's own tests shorten it. */
    static volatile Duration leaseDuration = StackLease.DEFAULT_DURATION;

    /**
     * Starts the target for a template.
     *
     * @throws TargetUnavailableException when the configured target cannot be used, saying why and what to do
     */
    public static Target start(Declaration declaration, Configuration configuration) {
        String kind = configuration.kind().trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case LocalTarget.KIND -> LocalTarget.start(declaration, configuration.waitScale(), AwsSettings.executionTimeout(configuration.settings())
                    .orElse(LocalTarget.DEFAULT_EXECUTION_TIMEOUT));
            case AwsTarget.KIND -> {
                AwsConnections connections = awsConnections;
                yield AwsTarget.start(declaration, AwsSettings.read(configuration.settings(), connections.profiles()), connections, leaseDuration);
            }
            default -> throw new TargetUnavailableException("Unknown target '" + configuration.kind() + "' (from " + configuration.source()
                    + "): use local (the default) or aws");
        };
    }

    /** The configured target cannot be started. */
    public static final class TargetUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TargetUnavailableException(String message) {
            super(message);
        }

        public TargetUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
