package dev.awstestharness.localcloud;

import dev.awstestharness.localcloud.internal.http.AwsJsonRoute;
import dev.awstestharness.localcloud.internal.http.LocalHttpServer;
import dev.awstestharness.localcloud.internal.http.Router;
import dev.awstestharness.localcloud.internal.stepfunctions.StepFunctionsConfig;
import dev.awstestharness.localcloud.internal.stepfunctions.StepFunctionsService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * AWS-compatible endpoints on 127.0.0.1, in-process: point an AWS SDK client's {@code endpointOverride} at
 * {@link #endpoint()} (any region and credentials are accepted). Today it serves Step Functions (AWS JSON 1.0,
 * {@code X-Amz-Target: AWSStepFunctions.*}); the other services will share the same port, routed by the request.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder().waitScale(0).start()) {
 *     SfnClient sfn = SfnClient.builder().endpointOverride(cloud.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {
    private final LocalHttpServer server;
    private final StepFunctionsService stepFunctions;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalCloud(LocalHttpServer server, StepFunctionsService stepFunctions) {
        this.server = server;
        this.stepFunctions = stepFunctions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, the endpoint of every service. */
    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    /** The socket address the server is bound to. */
    InetSocketAddress boundAddress() {
        return server.address();
    }

    /** The Step Functions service, for in-process use by the harness and tests. */
    StepFunctionsService stepFunctions() {
        return stepFunctions;
    }

    /** Stops listening and stops the interpreter; running executions end with it. Closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            server.close();
        } finally {
            stepFunctions.close();
        }
    }

    @Override
    public String toString() {
        return "LocalCloud[" + endpoint() + "]";
    }

    public static final class Builder {
        private int port;
        private double waitScale = 1.0;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int maxFinishedExecutions = 10_000;
        private Duration maxFinishedExecutionAge = Duration.ofHours(1);
        private int threads = 32;

        private Builder() {}

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0 to 65535 but was " + port);
            this.port = port;
            return this;
        }

        /**
         * How much real time Wait states and retry intervals take: 1 (the default) is real time, 0.001 makes a one-hour
         * wait take 3.6 seconds, 0 skips waiting. Execution timestamps still advance by the full wait.
         */
        public Builder waitScale(double waitScale) {
            if (!(waitScale >= 0) || Double.isInfinite(waitScale)) {
                throw new IllegalArgumentException("waitScale must be a finite number of 0 or more but was " + waitScale);
            }
            this.waitScale = waitScale;
            return this;
        }

        /** The region in the ARNs (default us-east-1). */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            if (!region.matches("[a-z0-9-]+")) throw new IllegalArgumentException("region must look like us-east-1 but was '" + region + "'");
            this.region = region;
            return this;
        }

        /** The account id in the ARNs: 12 digits (default 123456789012). */
        public Builder accountId(String accountId) {
            Objects.requireNonNull(accountId, "accountId");
            if (!accountId.matches("\\d{12}")) throw new IllegalArgumentException("accountId must be 12 digits but was '" + accountId + "'");
            this.accountId = accountId;
            return this;
        }

        /**
         * How many finished executions (with their histories) are kept for Describe/List/GetExecutionHistory
         * (default 10,000); beyond it the oldest are dropped. Running executions are always kept.
         */
        public Builder maxFinishedExecutions(int maxFinishedExecutions) {
            if (maxFinishedExecutions < 0) {
                throw new IllegalArgumentException("maxFinishedExecutions must be 0 or more but was " + maxFinishedExecutions);
            }
            this.maxFinishedExecutions = maxFinishedExecutions;
            return this;
        }

        /** How long a finished execution is kept at most (default 1 hour). */
        public Builder maxFinishedExecutionAge(Duration maxFinishedExecutionAge) {
            Objects.requireNonNull(maxFinishedExecutionAge, "maxFinishedExecutionAge");
            if (maxFinishedExecutionAge.isNegative()) {
                throw new IllegalArgumentException("maxFinishedExecutionAge must not be negative but was " + maxFinishedExecutionAge);
            }
            this.maxFinishedExecutionAge = maxFinishedExecutionAge;
            return this;
        }

        /** Threads serving HTTP requests (default 32); requests that wait (StartSyncExecution) hold none. */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be 1 or more but was " + threads);
            this.threads = threads;
            return this;
        }

        /**
         * Starts the services and listens on 127.0.0.1.
         *
         * @throws java.io.UncheckedIOException when the port cannot be bound
         */
        public LocalCloud start() {
            StepFunctionsService stepFunctions = new StepFunctionsService(new StepFunctionsConfig(region, accountId, waitScale,
                    maxFinishedExecutions, maxFinishedExecutionAge, StepFunctionsConfig.EXPRESS_LIMIT));
            Router router = new Router().add(new AwsJsonRoute(stepFunctions));
            try {
                return new LocalCloud(LocalHttpServer.start(port, router, threads), stepFunctions);
            } catch (RuntimeException | Error e) {
                stepFunctions.close();
                throw e;
            }
        }
    }
}
