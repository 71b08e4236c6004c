package dev.awstestharness.harness.internal.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One test run's exclusive use of a deployed stack. Two runs against one stack would take each other's invocations
 * (each run's listener deletes every message it receives), so a run holds a lease: the object {@value #KEY} in the
 * test-context bucket, naming the run, written with S3 conditional writes: created with {@code If-None-Match: *},
 * renewed every quarter of its duration with {@code If-Match} on its last ETag, taken over from another run only
 * once that run's lease has expired (again with {@code If-Match}, so that of two runs taking it over one wins), and
 * deleted when the run ends. Expiry is judged by S3's clock (the object's Last-Modified and the response's Date), so
 * the hosts' clocks do not matter. A run that finds the lease held fails at once, naming the holder and when its
 * lease expires.
 */
final class StackLease implements AutoCloseable {
    static final String KEY = "aws-test-harness-lease.json";
    /** Long enough to outlast a renewal missed to a network hiccup, short enough that a killed run blocks the stack briefly. */
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(2);
    private static final int ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(StackLease.class.getName());
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** Who holds a lease: a run of the tests. */
    record Holder(String owner, String user, String host, long pid, String template, Instant acquiredAt) {
        /** This run (this JVM, for one template). */
        static Holder current(String template) {
            return new Holder(UUID.randomUUID().toString(), System.getProperty("user.name", "unknown user"), hostName(),
                    ProcessHandle.current().pid(), template, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }

        /** {@code alice@build-7 (pid 4242, template template.yaml, since 2025-01-01 12:00:00 UTC)}. */
        String describe() {
            return user + "@" + host + " (pid " + pid + ", template " + template + (acquiredAt != null ? ", since " + SHOWN.format(acquiredAt) : "")
                    + ")";
        }
    }

    /** A lease read from the bucket, with S3's times. */
    record Reading(Holder holder, String etag, Instant renewedAt, Duration duration, Instant serverNow) {
        Instant expiresAt() {
            return renewedAt.plus(duration);
        }

        boolean expired() {
            return !serverNow.isBefore(expiresAt());
        }

        String describeExpiry() {
            long seconds = Duration.between(serverNow, expiresAt()).toSeconds();
            return SHOWN.format(expiresAt()) + (seconds > 0 ? " (in " + seconds + " s)" : " (expired " + -seconds + " s ago)");
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final String stack;
    private final Holder self;
    private final Duration duration;
    private final Reading takenOver;
    private final ScheduledExecutorService renewal;
    private String etag;
    private long renewedNanos;
    private volatile String lost;
    private boolean closed;

    private StackLease(S3Client s3, String bucket, String stack, Holder self, Duration duration, String etag, Reading takenOver) {
        this.s3 = s3;
        this.bucket = bucket;
        this.stack = stack;
        this.self = self;
        this.duration = duration;
        this.etag = etag;
        this.takenOver = takenOver;
        this.renewedNanos = System.nanoTime();
        this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aws-test-harness-lease (" + stack + ")");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, duration.toMillis() / 4);
        renewal.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease on a stack for this run.
     *
     * @param stack the stack, for messages ({@code stack 'x' in eu-west-1})
     * @throws TargetUnavailableException when another run holds an unexpired lease (naming it and when it expires), or
     *     the bucket cannot be written
     */
    static StackLease acquire(S3Client s3, String bucket, String stack, Holder self, Duration duration) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                String etag = put(s3, bucket, self, duration, null);
                return new StackLease(s3, bucket, stack, self, duration, etag, null);
            } catch (S3Exception e) {
                if (e.statusCode() == 409) {
                    pause(attempt);
                    continue; // a concurrent conditional write: S3 asks for a retry
                }
                if (e.statusCode() != 412) throw unwritable(bucket, stack, e);
            } catch (SdkException e) {
                throw unwritable(bucket, stack, e);
            }
            Reading current;
            try {
                current = read(s3, bucket, duration);
            } catch (SdkException e) {
                throw unwritable(bucket, stack, e);
            }
            if (current == null) continue; // released meanwhile
            if (!current.expired()) throw held(bucket, stack, current);
            try {
                String etag = put(s3, bucket, self, duration, current.etag());
                LOG.info("The lease of " + current.holder().describe() + " on the " + stack + " had expired at " + SHOWN.format(current.expiresAt())
                        + "; this run took it over");
                return new StackLease(s3, bucket, stack, self, duration, etag, current);
            } catch (S3Exception e) {
                if (e.statusCode() == 409 || e.statusCode() == 412 || e.statusCode() == 404) {
                    pause(attempt);
                    continue; // another run took it over, or renewed or released it, first: look again
                }
                throw unwritable(bucket, stack, e);
            } catch (SdkException e) {
                throw unwritable(bucket, stack, e);
            }
        }
        throw new TargetUnavailableException("The aws target could not take the lease on the " + stack + " (s3://" + bucket + "/" + KEY
                + ") in " + ATTEMPTS + " attempts: other runs kept changing it; run the tests again");
    }

    /** The lease held on the stack, or {@code null}. */
    static Reading read(S3Client s3, String bucket, Duration defaultDuration) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(KEY));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return null;
            throw e;
        }
        GetObjectResponse response = object.response();
        Instant serverNow = response.sdkHttpResponse().firstMatchingHeader("Date").map(StackLease::httpDate).orElseGet(Instant::now);
        Instant renewedAt = response.lastModified() != null ? response.lastModified() : serverNow;
        Holder holder;
        Duration duration = defaultDuration;
        try {
            JsonNode json = JSON.readTree(object.asByteArray());
            holder = new Holder(json.path("owner").asText(), json.path("user").asText("unknown user"), json.path("host").asText("unknown host"),
                    json.path("pid").asLong(), json.path("template").asText("unknown"),
                    json.hasNonNull("acquiredAt") ? Instant.parse(json.get("acquiredAt").asText()) : null);
            if (json.path("leaseSeconds").asLong() > 0) duration = Duration.ofSeconds(json.path("leaseSeconds").asLong());
        } catch (java.io.IOException | RuntimeException e) {
            holder = new Holder("", "unknown user", "unknown host", 0, "unknown (the lease object is not the harness's JSON)", null);
        }
        return new Reading(holder, response.eTag(), renewedAt, duration, serverNow);
    }

    /** Writes the lease: new ({@code ifMatch} {@code null}, If-None-Match) or replacing the one with ETag {@code ifMatch}. */
    private static String put(S3Client s3, String bucket, Holder holder, Duration duration, String ifMatch) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode json = JSON.createObjectNode()
                .put("owner", holder.owner())
                .put("user", holder.user())
                .put("host", holder.host())
                .put("pid", holder.pid())
                .put("template", holder.template())
                .put("acquiredAt", holder.acquiredAt().toString())
                .put("renewedAt", now.toString())
                .put("leaseSeconds", Math.max(1, duration.toSeconds()))
                .put("expiresAt", now.plus(duration).toString());
        RequestBody body = RequestBody.fromString(json.toString(), StandardCharsets.UTF_8);
        PutObjectResponse response = s3.putObject(r -> {
            r.bucket(bucket).key(KEY).contentType("application/json");
            if (ifMatch == null) r.ifNoneMatch("*");
            else r.ifMatch(ifMatch);
        }, body);
        return response.eTag();
    }

    /**
     * Fails when this run no longer holds the lease: another run took it over after this one could not renew it in time
     * (a suspended JVM, a network outage). Renews at once when the last renewal is older than the lease.
     */
    void check() {
        synchronized (this) {
            if (lost == null && !closed && System.nanoTime() - renewedNanos > duration.toNanos()) renew();
        }
        String reason = lost;
        if (reason != null) {
            throw new IllegalStateException("This test run lost its lease on the " + stack + ": " + reason + ". Invocations of the doubles "
                    + "may have gone to that run; run the tests again when it has ended");
        }
    }

    private void renewQuietly() {
        try {
            synchronized (this) {
                if (!closed && lost == null) renew();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The harness could not renew its lease on the " + stack + " (s3://" + bucket + "/" + KEY + "); retrying", e);
        }
    }

    private void renew() {
        try {
            etag = put(s3, bucket, self, duration, etag);
            renewedNanos = System.nanoTime();
        } catch (S3Exception e) {
            if (e.statusCode() != 412 && e.statusCode() != 404) throw e;
            Reading now = read(s3, bucket, duration);
            long late = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - renewedNanos);
            lost = (now == null ? "its lease object was deleted" : "another run took it over: " + now.holder().describe())
                    + ", after this run had not renewed it for " + late + " s (the lease lasts " + duration.toSeconds() + " s)";
        }
    }

    /** The lease this run took over because it had expired, or {@code null}. */
    Reading takenOver() {
        return takenOver;
    }

    Holder holder() {
        return self;
    }

    /** Stops renewing and deletes the lease (only if it is still this run's: a conditional delete). */
    @Override
    public void close() {
        renewal.shutdownNow();
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (lost != null) return;
            try {
                String current = etag;
                s3.deleteObject(r -> r.bucket(bucket).key(KEY).ifMatch(current));
            } catch (S3Exception e) {
                if (e.statusCode() != 412 && e.statusCode() != 404) {
                    LOG.log(Level.WARNING, "The harness could not release its lease on the " + stack + " (s3://" + bucket + "/" + KEY
                            + "); it expires by itself within " + duration.toSeconds() + " s", e);
                }
            } catch (SdkException e) {
                LOG.log(Level.WARNING, "The harness could not release its lease on the " + stack + "; it expires by itself within "
                        + duration.toSeconds() + " s", e);
            }
        }
    }

    private static TargetUnavailableException held(String bucket, String stack, Reading current) {
        return new TargetUnavailableException("The " + stack + " is in use by another test run: " + current.holder().describe()
                + ", whose lease expires at " + current.describeExpiry() + " unless that run renews it. Two runs against one stack would "
                + "take each other's invocations, so this run does not start. Wait for that run to end, run against another stack ("
                + Setting.STACK_NAME.property() + "), or, if that run is gone, wait for the lease to expire or delete s3://" + bucket + "/" + KEY);
    }

    private static TargetUnavailableException unwritable(String bucket, String stack, SdkException e) {
        String detail = e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.awsErrorDetails().errorCode() + ": " + s3.awsErrorDetails().errorMessage() : e.getMessage();
        return new TargetUnavailableException("The aws target could not take its lease on the " + stack + " in the test-context bucket "
                + bucket + " (object " + KEY + "): " + detail + "; the credentials need s3:GetObject, s3:PutObject and s3:DeleteObject on "
                + "arn:aws:s3:::" + bucket + "/*", e);
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) name = System.getenv("COMPUTERNAME");
        if (name != null && !name.isBlank()) return name;
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }

    @Override
    public String toString() {
        return "StackLease[" + stack + ", " + self.describe() + (lost != null ? ", lost: " + lost : "") + "]";
    }
}
