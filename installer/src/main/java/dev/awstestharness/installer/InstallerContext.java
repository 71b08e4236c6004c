package dev.awstestharness.installer;

import dev.awstestharness.installer.aws.AwsSession;
import java.io.BufferedReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands get from outside: the environment (for the region and profile), standard input (for
 * confirmations), how AWS sessions are made, how long CloudFormation is polled, and how images are pushed. Tests give
 * their own.
 */
public record InstallerContext(Map<String, String> environment, BufferedReader in, SessionFactory sessions, Duration pollInterval,
        Installer.ImagePusher imagePusher) {
    /** Makes the AWS session of a command from its {@code --region} and {@code --profile}. */
    @FunctionalInterface
    public interface SessionFactory {
        AwsSession open(String region, String profile, Map<String, String> environment);
    }

    public InstallerContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(imagePusher, "imagePusher");
    }

    /** The real thing: the process environment, standard input, AWS, Jib to ECR, polling every 5 seconds. */
    public static InstallerContext system() {
        return new InstallerContext(System.getenv(), new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                AwsSession::resolve, Duration.ofSeconds(5), Installer.JIB_TO_ECR);
    }
}
