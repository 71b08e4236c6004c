package dev.awstestharness.installer.aws;

import dev.awstestharness.installer.InstallerException;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One AWS API call, named by the IAM action it needs, whose failure becomes an {@link InstallerException} that says
 * what to do: a refused permission names the action and resource, missing or invalid credentials say where the
 * installer looked for them.
 */
public final class AwsCall {
    /** Error codes of a refused permission: IAM's and the services' (query, JSON and EC2-style protocols). */
    static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthorizationError", "AuthorizationErrorException", "Forbidden");
    /** Error codes of credentials that AWS does not accept. */
    static final Set<String> INVALID_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch",
            "InvalidAccessKeyId", "InvalidSignatureException", "IncompleteSignature", "MissingAuthenticationToken");
    /** Error codes of expired temporary credentials. */
    static final Set<String> EXPIRED_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");

    private AwsCall() {}

    /**
     * Runs {@code call}, which needs the IAM permission {@code action} (e.g. {@code cloudformation:CreateStack}) on
     * {@code resource} (a name or ARN, for the message).
     *
     * @throws InstallerException explaining a failure
     */
    public static <T> T call(String action, String resource, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new InstallerException(explain(action, resource, e), e);
        }
    }

    /** {@link #call} for calls without a result. */
    public static void run(String action, String resource, Runnable call) {
        call(action, resource, () -> {
            call.run();
            return null;
        });
    }

    /** What went wrong with {@code action} on {@code resource}, and what to do about it. */
    public static String explain(String action, String resource, SdkException error) {
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() != null ? service.awsErrorDetails().errorCode() : null;
            String message = service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null
                    ? service.awsErrorDetails().errorMessage() : service.getMessage();
            if (code != null && ACCESS_DENIED.contains(code) || code == null && service.statusCode() == 403) {
                return "Permission denied: the AWS credentials in use may not call " + action + " on " + resource + ". Allow the action "
                        + action + " to the installing user or role (docs/installer.md lists every action the installer needs). AWS said: "
                        + (code != null ? code + ": " : "") + message;
            }
            if (code != null && EXPIRED_CREDENTIALS.contains(code)) {
                return "The AWS credentials have expired (" + code + " from " + action + "): renew them, e.g. with 'aws sso login --profile "
                        + "<profile>' or new session credentials, and run the command again. AWS said: " + message;
            }
            if (code != null && INVALID_CREDENTIALS.contains(code)) {
                return "AWS does not accept the credentials in use (" + code + " from " + action + "): check the access key of the profile or "
                        + "of AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN. AWS said: " + message;
            }
            return action + " on " + resource + " failed: " + (code != null ? code + ": " : "") + message + " (HTTP " + service.statusCode() + ")";
        }
        if (error instanceof SdkClientException && isMissingCredentials(error)) return missingCredentials(error);
        return action + " on " + resource + " failed: " + error.getMessage();
    }

    static boolean isMissingCredentials(Throwable error) {
        // The SDK's words: the default chain's, and a profile's without credentials.
        String message = String.valueOf(error.getMessage());
        return message.contains("Unable to load credentials") || message.contains("contained no credentials");
    }

    static String missingCredentials(Throwable error) {
        return "No AWS credentials found. Give them with --profile <name> (a profile of ~/.aws/config or ~/.aws/credentials; run 'aws sso "
                + "login --profile <name>' first for an SSO profile), or with AWS_PROFILE, or with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                + "(and AWS_SESSION_TOKEN). The SDK said: " + error.getMessage();
    }
}
