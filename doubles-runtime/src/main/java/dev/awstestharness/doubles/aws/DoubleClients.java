package dev.awstestharness.doubles.aws;

import dev.awstestharness.doubles.contract.HarnessEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients a double uses (SQS, DynamoDB, S3, on the URL-connection HTTP client), configured from its
 * environment:
 * <ul>
 *   <li>local target: {@link HarnessEnvironment#ENDPOINT_URL} is set: every client uses it as endpoint (S3
 *       path-style), with static dummy credentials and the region of {@code AWS_REGION} (default us-east-1);</li>
 *   <li>AWS: it is not set: the default credentials provider chain, and the region of {@code AWS_REGION} in the given
 *       environment or else the SDK's default region chain.</li>
 * </ul>
 * Clients are made when first asked for. {@link #shared} instances are cached per configuration and never closed (what
 * the doubles use: a Lambda instance or a container run does not pay for new clients); {@link #create} instances belong
 * to the caller, who closes them.
 */
public final class DoubleClients implements AutoCloseable {
    /** The region of the local target when the environment names none. */
    public static final String DEFAULT_LOCAL_REGION = "us-east-1";

    private static final Map<Configuration, DoubleClients> SHARED = new ConcurrentHashMap<>();

    private final Configuration configuration;
    private final boolean closeable;
    private final Lazy<SqsClient> sqs;
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<S3Client> s3;

    private DoubleClients(Configuration configuration, boolean closeable) {
        this.configuration = configuration;
        this.closeable = closeable;
        this.sqs = new Lazy<>(() -> configure(SqsClient.builder()).build());
        this.dynamoDb = new Lazy<>(() -> configure(DynamoDbClient.builder()).build());
        this.s3 = new Lazy<>(() -> configure(S3Client.builder()).forcePathStyle(configuration.endpoint() != null).build());
    }

    /** New clients for {@code environment}; close them when done. */
    public static DoubleClients create(Map<String, String> environment) {
        return new DoubleClients(Configuration.of(environment), true);
    }

    /** The clients shared by every caller with the same configuration; {@link #close()} does nothing on them. */
    public static DoubleClients shared(Map<String, String> environment) {
        return SHARED.computeIfAbsent(Configuration.of(environment), configuration -> new DoubleClients(configuration, false));
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    /** The local cloud's endpoint, or empty on AWS. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(configuration.endpoint());
    }

    /** Whether the clients talk to a local cloud ({@link HarnessEnvironment#ENDPOINT_URL} was set). */
    public boolean isLocal() {
        return configuration.endpoint() != null;
    }

    /** The region set on the clients; empty when the SDK's default region chain decides (AWS without AWS_REGION). */
    public Optional<Region> region() {
        return Optional.ofNullable(configuration.region());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder) {
        B configured = builder.credentialsProvider(configuration.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (configuration.region() != null) configured = configured.region(configuration.region());
        if (configuration.endpoint() != null) configured = configured.endpointOverride(configuration.endpoint());
        return configured;
    }

    @Override
    public void close() {
        if (!closeable) return;
        sqs.close();
        dynamoDb.close();
        s3.close();
    }

    @Override
    public String toString() {
        return "DoubleClients[" + (isLocal() ? "local " + configuration.endpoint() : "AWS") + ", region "
                + (configuration.region() != null ? configuration.region() : "from the default chain") + "]";
    }

    /** What decides the clients' configuration, read from the environment. */
    private record Configuration(URI endpoint, Region region) {
        static Configuration of(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            String endpoint = blankToNull(HarnessEnvironment.value(environment, HarnessEnvironment.ENDPOINT_URL));
            String region = blankToNull(environment.get("AWS_REGION"));
            if (endpoint == null) return new Configuration(null, region != null ? Region.of(region) : null);
            URI uri;
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(HarnessEnvironment.ENDPOINT_URL + " must be a URL such as http://127.0.0.1:4566 but was '"
                        + endpoint + "'", e);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(HarnessEnvironment.ENDPOINT_URL + " must be a URL such as http://127.0.0.1:4566 but was '"
                        + endpoint + "'");
            }
            return new Configuration(uri, Region.of(region != null ? region : DEFAULT_LOCAL_REGION));
        }

        AwsCredentialsProvider credentials() {
            return endpoint != null ? StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAWSTESTHARNESS", "local-double"))
                    : DefaultCredentialsProvider.builder().build();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A client made on first use. */
    private static final class Lazy<C extends SdkClient> {
        private final Supplier<C> factory;
        private volatile C client;

        Lazy(Supplier<C> factory) {
            this.factory = factory;
        }

        C get() {
            C current = client;
            if (current == null) {
                synchronized (this) {
                    current = client;
                    if (current == null) client = current = factory.get();
                }
            }
            return current;
        }

        synchronized void close() {
            if (client != null) client.close();
            client = null;
        }
    }
}
