package dev.awstestharness.harness.internal.target;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients the harness uses, sharing one HTTP client. Made once per target and reused by every test: building a
 * client is what costs, calls are cheap.
 */
public final class SdkClients implements AutoCloseable {
    private final SdkHttpClient http;
    private final SfnClient sfn;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final LambdaClient lambda;
    private final EcsClient ecs;

    private SdkClients(SdkHttpClient http, URI endpoint, Region region, AwsCredentialsProvider credentials) {
        this.http = http;
        // Locally, no "sync-" host prefix for StartSyncExecution: the endpoint is an IP address.
        this.sfn = configure(SfnClient.builder(), endpoint, region, credentials)
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, endpoint != null))
                .build();
        this.sqs = configure(SqsClient.builder(), endpoint, region, credentials).build();
        this.dynamoDb = configure(DynamoDbClient.builder(), endpoint, region, credentials).build();
        this.s3 = configure(S3Client.builder(), endpoint, region, credentials).forcePathStyle(endpoint != null).build();
        this.lambda = configure(LambdaClient.builder(), endpoint, region, credentials).build();
        this.ecs = configure(EcsClient.builder(), endpoint, region, credentials).build();
    }

    /** Clients of a local cloud: its endpoint for every service, path-style S3, dummy credentials. */
    public static SdkClients local(URI endpoint, String region) {
        return create(endpoint, region, LOCAL_CREDENTIALS);
    }

    /**
     * Clients of AWS ({@code endpoint} {@code null}: each service's regional endpoint), or of one endpoint for every
     * service (path-style S3).
     */
    public static SdkClients create(URI endpoint, String region, AwsCredentialsProvider credentials) {
        return new SdkClients(UrlConnectionHttpClient.builder().build(), endpoint, Region.of(region), credentials);
    }

    /** Any credentials do for the local cloud. */
    public static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAWSTESTHARNESS", "local-harness"));

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, URI endpoint, Region region,
            AwsCredentialsProvider credentials) {
        B configured = builder.httpClient(http).region(region).credentialsProvider(credentials);
        return endpoint != null ? configured.endpointOverride(endpoint) : configured;
    }

    public SfnClient sfn() {
        return sfn;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    public EcsClient ecs() {
        return ecs;
    }

    @Override
    public void close() {
        sfn.close();
        sqs.close();
        dynamoDb.close();
        s3.close();
        lambda.close();
        ecs.close();
        http.close();
    }
}
