package dev.awstestharness.harness.internal.target;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How the aws target reaches AWS: its SDK clients and the AWS config files. {@link #AWS} is the real thing, and the
 * only implementation outside the harness's own tests, which point CloudFormation and STS at a server of their own and
 * the other services at a local cloud (through {@link Targets}' package-private seam, never a setting).
 */
interface AwsConnections {
    AwsConnections AWS = new AwsConnections() {
        @Override
        public SdkClients clients(String region, AwsCredentialsProvider credentials) {
            return SdkClients.create(null, region, credentials);
        }

        @Override
        public CloudFormationClient cloudFormation(String region, AwsCredentialsProvider credentials) {
            return CloudFormationClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.of(region))
                    .credentialsProvider(credentials).build();
        }

        @Override
        public StsClient sts(String region, AwsCredentialsProvider credentials) {
            return StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.of(region))
                    .credentialsProvider(credentials).build();
        }

        @Override
        public Supplier<ProfileFile> profiles() {
            return ProfileFile::defaultProfileFile;
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.empty();
        }
    };

    /** The clients of the services the harness and the doubles use (Step Functions, SQS, DynamoDB, S3, Lambda, ECS). */
    SdkClients clients(String region, AwsCredentialsProvider credentials);

    CloudFormationClient cloudFormation(String region, AwsCredentialsProvider credentials);

    StsClient sts(String region, AwsCredentialsProvider credentials);

    /** The AWS config and credentials files. */
    Supplier<ProfileFile> profiles();

    /** The one endpoint of every service, when not AWS's own (what {@code HarnessTarget.endpoint()} reports). */
    Optional<URI> endpoint();
}
