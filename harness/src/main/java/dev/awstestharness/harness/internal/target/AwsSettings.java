package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.target.Setting.Value;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * What the aws target needs to know: the stack, the region, whose credentials (a profile, or the SDK's default chain)
 * and an optional role to assume with them. Read from {@link Setting}s; a missing or malformed setting is a
 * {@link TargetUnavailableException} saying which setting to give and how.
 *
 * @param stackName the stack deployed from the template; {@code Parent::Child} names a nested stack (by its logical id
 *     in the parent)
 * @param region where the stack is
 * @param profile the named profile whose credentials to use, or {@code null} for the SDK's default chain
 * @param roleArn a role to assume with those credentials, or {@code null}
 * @param executionTimeout how long {@code execute(input)} waits by default
 */
public record AwsSettings(String stackName, String region, String profile, String roleArn, Duration executionTimeout) {
    /**
     * The default execution timeout on AWS: an ECS task double's Fargate task alone takes 30 to 90 seconds to be
     * provisioned and pull its image, and a state machine may run several.
     */
    public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}|arn:aws[a-z-]*:cloudformation:.+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)?");

    /**
     * Reads the settings.
     *
     * @param profiles the AWS config and credentials files (for a profile's region)
     */
    public static AwsSettings read(SettingsSource source, Supplier<ProfileFile> profiles) {
        String stackName = Setting.STACK_NAME.read(source).map(Value::text).orElseThrow(() -> new TargetUnavailableException(
                "The aws target needs the name of the stack deployed from the template: set " + Setting.STACK_NAME.howToSet("my-test-stack")
                        + "; a nested stack is Parent::Child (its logical id in the parent stack)"));
        for (String part : stackName.split("::", -1)) {
            if (!STACK_NAME.matcher(part).matches()) {
                throw new TargetUnavailableException("The stack name '" + stackName + "' (" + Setting.STACK_NAME.read(source).get().origin()
                        + ") is not a CloudFormation stack name: a letter, then letters, digits and hyphens (at most 128), or a stack ARN; "
                        + "a nested stack is Parent::Child");
            }
        }
        Optional<Value> profileSetting = Setting.PROFILE.read(source).or(() -> Setting.SDK_PROFILE.read(source));
        String profile = profileSetting.map(Value::text).orElse(null);
        String region = region(source, profiles, profile);
        String roleArn = Setting.ROLE_ARN.read(source).map(value -> {
            if (!ROLE_ARN.matcher(value.text()).matches()) {
                throw new TargetUnavailableException("The role to assume '" + value.text() + "' (" + value.origin() + ") is not an IAM role ARN "
                        + "such as arn:aws:iam::123456789012:role/aws-test-harness-tester");
            }
            return value.text();
        }).orElse(null);
        Duration timeout = executionTimeout(source).orElse(DEFAULT_EXECUTION_TIMEOUT);
        return new AwsSettings(stackName, region, profile, roleArn, timeout);
    }

    /**
     * The region: {@link Setting#REGION}, else the SDK's {@code aws.region} / {@code AWS_REGION} /
     * {@code AWS_DEFAULT_REGION}, else the profile's {@code region}.
     */
    private static String region(SettingsSource source, Supplier<ProfileFile> profiles, String profile) {
        Optional<String> region = Setting.REGION.read(source).or(() -> Setting.SDK_REGION.read(source)).map(Value::text)
                .or(() -> source.environment("AWS_DEFAULT_REGION"));
        if (region.isEmpty()) {
            String profileName = profile != null ? profile : "default";
            try {
                region = profiles.get().profile(profileName).flatMap(p -> p.property(ProfileProperty.REGION));
            } catch (RuntimeException e) {
                // an unreadable config file: the message below says what to set instead
            }
        }
        return region.orElseThrow(() -> new TargetUnavailableException("The aws target needs the region of the stack: set "
                + Setting.REGION.howToSet("eu-west-1") + ", or the SDK's -Daws.region / AWS_REGION, or region in the profile "
                + (profile != null ? "'" + profile + "'" : "'default'") + " of ~/.aws/config"));
    }

    /**
     * The configured default execution timeout, if any: an ISO-8601 duration ({@code PT5M}) or a number with a unit
     * ({@code 300s}, {@code 5m}, {@code 500ms}; seconds without one).
     */
    public static Optional<Duration> executionTimeout(SettingsSource source) {
        return Setting.EXECUTION_TIMEOUT.read(source).map(value -> {
            Duration duration = parseDuration(value.text());
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new TargetUnavailableException(Setting.EXECUTION_TIMEOUT.property() + " must be a positive duration such as 300s, 5m or "
                        + "PT5M, but " + value.origin() + " is '" + value.text() + "'");
            }
            return duration;
        });
    }

    private static Duration parseDuration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("p")) {
            try {
                return Duration.parse(text.trim());
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher matcher = DURATION.matcher(trimmed);
        if (!matcher.matches()) return null;
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The stack as the user named it, with its region: {@code 'my-stack' in eu-west-1}. */
    public String describeStack() {
        return "stack '" + stackName + "' in " + region;
    }
}
