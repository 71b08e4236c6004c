package dev.awstestharness.localcloud.internal.lambda;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The real Lambda client of the AWS SDK for Java v2 against a local cloud, and function creation for tests. */
public final class LambdaClients {
    public static final String ROLE = "arn:aws:iam::123456789012:role/lambda";

    private LambdaClients() {}

    public static LambdaClient client(URI endpoint) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates a java21 function whose code is {@code handler}, returning its ARN. */
    public static String create(LambdaClient lambda, String name, Class<?> handler) {
        return create(lambda, name, handler.getName(), 3);
    }

    public static String create(LambdaClient lambda, String name, String handler, int timeoutSeconds) {
        return lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).handler(handler).role(ROLE).timeout(timeoutSeconds)
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("ignored")))).functionArn();
    }
}
