package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials of the aws target: a named profile's, or the SDK's default chain (environment variables, the default
 * profile, SSO, web identity, container and instance roles); with a role ARN, the session of that role assumed with
 * them (STS AssumeRole, refreshed before it expires). {@link #check} resolves them once, so that missing or unusable
 * credentials fail the start with a message saying what to do.
 */
final class AwsCredentials implements AutoCloseable {
    /** What CloudTrail shows for the harness's calls with an assumed role. */
    static final String SESSION_NAME_PREFIX = "aws-test-harness";

    private final AwsSettings settings;
    private final AwsCredentialsProvider base;
    private final AwsCredentialsProvider provider;
    private final StsClient sts;
    private final String sessionName;

    private AwsCredentials(AwsSettings settings, AwsCredentialsProvider base, AwsCredentialsProvider provider, StsClient sts, String sessionName) {
        this.settings = settings;
        this.base = base;
        this.provider = provider;
        this.sts = sts;
        this.sessionName = sessionName;
    }

    /**
     * @param profiles the AWS config and credentials files
     * @param stsClients makes the STS client that assumes the role, signing with the given credentials
     */
    static AwsCredentials of(AwsSettings settings, Supplier<ProfileFile> profiles, Function<AwsCredentialsProvider, StsClient> stsClients) {
        AwsCredentialsProvider base = settings.profile() != null
                ? ProfileCredentialsProvider.builder().profileFile(profiles).profileName(settings.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        if (settings.roleArn() == null) return new AwsCredentials(settings, base, base, null, null);
        String sessionName = sessionName();
        StsClient sts = stsClients.apply(base);
        AwsCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request.roleArn(settings.roleArn()).roleSessionName(sessionName))
                .build();
        return new AwsCredentials(settings, base, assumed, sts, sessionName);
    }

    /** The session name for AssumeRole: {@code aws-test-harness-<user>-<pid>}, as STS allows it (2 to 64 of [\w+=,.@-]). */
    static String sessionName() {
        String user = System.getProperty("user.name", "user").replaceAll("[^\\w+=,.@-]", "-");
        String name = SESSION_NAME_PREFIX + "-" + user + "-" + ProcessHandle.current().pid();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    AwsCredentialsProvider provider() {
        return provider;
    }

    /**
     * Resolves the credentials once.
     *
     * @throws TargetUnavailableException saying which credentials were looked for and how to give them
     */
    AwsCredentials check() {
        try {
            base.resolveCredentials();
        } catch (SdkException e) {
            throw new TargetUnavailableException("The aws target found no usable AWS credentials in " + baseDescription() + ": "
                    + e.getMessage() + ". Sign in (aws sso login" + (settings.profile() != null ? " --profile " + settings.profile() : "")
                    + ", or aws configure), or name a profile with " + Setting.PROFILE.howToSet("my-profile") + " or AWS_PROFILE", e);
        }
        if (settings.roleArn() == null) return this;
        try {
            provider.resolveCredentials();
        } catch (AwsServiceException e) {
            throw new TargetUnavailableException("The aws target could not assume the role " + settings.roleArn() + " (session " + sessionName
                    + ") with the credentials of " + baseDescription() + ": " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage() + ". The role's trust policy must allow sts:AssumeRole for those credentials, and "
                    + "their own policy sts:AssumeRole on the role; or remove " + Setting.ROLE_ARN.property() + " to use them directly", e);
        } catch (SdkException e) {
            throw new TargetUnavailableException("The aws target could not assume the role " + settings.roleArn() + " (session " + sessionName
                    + ") with the credentials of " + baseDescription() + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Whose credentials: "the profile 'x'" or "the SDK's default chain (...)". */
    String baseDescription() {
        return settings.profile() != null ? "the profile '" + settings.profile() + "'"
                : "the SDK's default chain (environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, the default profile of "
                        + "~/.aws/credentials and ~/.aws/config, web identity, container and instance roles)";
    }

    /** "the profile 'x'" or "the role R assumed with the profile 'x'", for describing the target. */
    String describe() {
        String who = settings.profile() != null ? "profile '" + settings.profile() + "'" : "the default credentials";
        return settings.roleArn() == null ? who : "role " + settings.roleArn() + " assumed with " + who;
    }

    @Override
    public void close() {
        if (provider instanceof SdkAutoCloseable closeable && provider != base) closeable.close();
        if (base instanceof SdkAutoCloseable closeable) closeable.close();
        if (sts != null) sts.close();
    }
}
