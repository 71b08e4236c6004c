package dev.awstestharness.localcloud.internal.s3;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The real S3 client of the AWS SDK for Java v2, with its default checksums, against a local cloud. */
public final class S3Clients {
    private S3Clients() {}

    public static S3Client client(URI endpoint) {
        return client(endpoint, Region.US_EAST_1);
    }

    public static S3Client client(URI endpoint, Region region) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
