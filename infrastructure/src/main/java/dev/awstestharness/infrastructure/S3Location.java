package dev.awstestharness.infrastructure;

import java.util.Objects;

/**
 * An object in S3 that a Lambda function's code comes from (same region as the stack).
 *
 * @param bucket the bucket's name
 * @param key the object's key; give each build its own key (e.g. with its version or SHA-256 in it): CloudFormation
 *     updates a function's code only when the location changes
 * @param objectVersion the object's version in a versioned bucket, or {@code null}
 */
public record S3Location(String bucket, String key, String objectVersion) {
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank()) throw new IllegalArgumentException("The S3 bucket of a code location must not be blank");
        if (key.isBlank()) throw new IllegalArgumentException("The S3 key of a code location must not be blank");
    }

    public static S3Location of(String bucket, String key) {
        return new S3Location(bucket, key, null);
    }
}
