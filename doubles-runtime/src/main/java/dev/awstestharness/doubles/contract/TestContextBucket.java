package dev.awstestharness.doubles.contract;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The S3 bucket holding the current mocking session id, as the whole content of the object {@link #SESSION_KEY}
 * (UTF-8, nothing else: no newline). The harness writes a new id before each test; a double reads it at each call and
 * tags its invocation with it, so that calls left over from earlier tests or runs are recognised and discarded.
 */
public final class TestContextBucket {
    public static final String SESSION_KEY = "mocking-session-id";

    private TestContextBucket() {}

    /** Starts a session: writes {@code sessionId} as the content of {@link #SESSION_KEY}. */
    public static void writeSessionId(S3Client s3, String bucket, String sessionId) {
        s3.putObject(r -> r.bucket(bucket).key(SESSION_KEY).contentType("text/plain; charset=utf-8"),
                RequestBody.fromString(sessionId, StandardCharsets.UTF_8));
    }

    /**
     * The current session id.
     *
     * @throws IllegalStateException naming the bucket when it or the session object does not exist
     */
    public static String readSessionId(S3Client s3, String bucket) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(SESSION_KEY)).asUtf8String();
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException("The test-context bucket '" + bucket + "' has no mocking session (object '" + SESSION_KEY
                    + "'); the harness writes it before each test: is a test's harness running?", e);
        } catch (NoSuchBucketException e) {
            throw new IllegalStateException("The test-context bucket '" + bucket + "' does not exist; are the test doubles deployed?", e);
        }
    }
}
