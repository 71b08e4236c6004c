package dev.awstestharness.installer.aws;

import dev.awstestharness.installer.InstallerException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The region, credentials and clients of one command. The region comes from {@code --region}, else
 * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, or the profile's {@code region} in {@code ~/.aws/config}; the
 * credentials from {@code --profile}, else the SDK's default chain. Resolving them calls no AWS API.
 */
public final class AwsSession implements AutoCloseable {
    private final Region region;
    private final String regionSource;
    private final AwsCredentialsProvider credentials;
    private final String profile;
    private final URI endpoint;
    private CloudFormationClient cloudFormation;
    private S3Client s3;
    private EcrClient ecr;
    private StsClient sts;

    private AwsSession(Region region, String regionSource, AwsCredentialsProvider credentials, String profile, URI endpoint) {
        this.region = region;
        this.regionSource = regionSource;
        this.credentials = credentials;
        this.profile = profile;
        this.endpoint = endpoint;
    }

    /**
     * Resolves the region (without calling AWS) and prepares the credentials.
     *
     * @param environment the process environment (a map, so that tests give their own)
     * @throws InstallerException when no region is configured anywhere
     */
    public static AwsSession resolve(String regionOption, String profileOption, Map<String, String> environment) {
        String profile = blankToNull(profileOption) != null ? profileOption.strip() : blankToNull(environment.get("AWS_PROFILE"));
        ResolvedRegion region = region(regionOption, profile, environment);
        AwsCredentialsProvider credentials = profileOption != null && !profileOption.isBlank()
                ? ProfileCredentialsProvider.builder().profileName(profileOption.strip()).build()
                : DefaultCredentialsProvider.builder().build();
        return new AwsSession(region.region(), region.source(), credentials, profile, null);
    }

    /** A session on given credentials and endpoint (tests: a local server answering as AWS). */
    public static AwsSession of(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        return new AwsSession(region, "given", credentials, null, endpoint);
    }

    record ResolvedRegion(Region region, String source) {}

    /**
     * The region a command would use, resolved as {@link #resolve} does, without credentials (for {@code --dry-run}).
     *
     * @throws InstallerException when no region is configured anywhere
     */
    public static String resolveRegion(String regionOption, String profileOption, Map<String, String> environment) {
        String profile = blankToNull(profileOption) != null ? profileOption.strip() : blankToNull(environment.get("AWS_PROFILE"));
        return region(regionOption, profile, environment).region().id();
    }

    static ResolvedRegion region(String regionOption, String profile, Map<String, String> environment) {
        if (blankToNull(regionOption) != null) return new ResolvedRegion(checked(regionOption.strip(), "--region"), "--region");
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = blankToNull(environment.get(variable));
            if (value != null) return new ResolvedRegion(checked(value, variable), variable);
        }
        String profileName = profile != null ? profile : "default";
        Optional<String> fromProfile;
        try {
            fromProfile = ProfileFile.defaultProfileFile().profile(profileName).flatMap(p -> p.property("region"));
        } catch (RuntimeException e) {
            fromProfile = Optional.empty();
        }
        if (fromProfile.isPresent()) return new ResolvedRegion(checked(fromProfile.get().strip(), "profile " + profileName), "profile '" + profileName + "'");
        throw new InstallerException("No AWS region: pass --region (e.g. --region eu-west-1), or set AWS_REGION, or set 'region' in the profile '"
                + profileName + "' of " + ProfileFileSystemSetting.AWS_CONFIG_FILE.getStringValue().orElse("~/.aws/config") + ".");
    }

    private static Region checked(String region, String source) {
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new InstallerException("The region '" + region + "' (from " + source + ") is not an AWS region name such as eu-west-1");
        }
        return Region.of(region);
    }

    public Region region() {
        return region;
    }

    /** Where the region came from, for the command's report. */
    public String regionSource() {
        return regionSource;
    }

    /**
     * Checks that credentials are found and accepted ({@code sts:GetCallerIdentity}, which needs no permission).
     *
     * @return the caller's account and ARN
     * @throws InstallerException saying how to give credentials
     */
    public GetCallerIdentityResponse identity() {
        try {
            credentials.resolveCredentials();
        } catch (SdkException | IllegalStateException e) {
            throw new InstallerException(AwsCall.missingCredentials(e) + (profile != null ? " (profile '" + profile + "')" : ""), e);
        }
        return AwsCall.call("sts:GetCallerIdentity", "the caller", () -> sts().getCallerIdentity());
    }

    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) cloudFormation = configure(CloudFormationClient.builder()).build();
        return cloudFormation;
    }

    public synchronized S3Client s3() {
        if (s3 == null) s3 = configure(S3Client.builder()).forcePathStyle(endpoint != null).build();
        return s3;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) ecr = configure(EcrClient.builder()).build();
        return ecr;
    }

    public synchronized StsClient sts() {
        if (sts == null) sts = configure(StsClient.builder()).build();
        return sts;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder) {
        B configured = builder.region(region).credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder());
        return endpoint != null ? configured.endpointOverride(endpoint) : configured;
    }

    @Override
    public synchronized void close() {
        if (cloudFormation != null) cloudFormation.close();
        if (s3 != null) s3.close();
        if (ecr != null) ecr.close();
        if (sts != null) sts.close();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
