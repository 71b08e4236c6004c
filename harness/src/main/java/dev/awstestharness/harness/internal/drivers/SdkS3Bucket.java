package dev.awstestharness.harness.internal.drivers;

import dev.awstestharness.harness.S3Bucket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An S3 bucket double, through the SDK. */
public final class SdkS3Bucket implements S3Bucket {
    private final S3Client s3;
    private final String declaredName;
    private final String bucket;

    public SdkS3Bucket(S3Client s3, String declaredName, String bucket) {
        this.s3 = s3;
        this.declaredName = declaredName;
        this.bucket = bucket;
    }

    @Override
    public String name() {
        return bucket;
    }

    @Override
    public void put(String key, String content) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    @Override
    public String get(String key) {
        Objects.requireNonNull(key, "key");
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            List<String> keys = list();
            throw new AssertionError("The " + this + " has no object '" + key + "'; it has " + (keys.isEmpty() ? "none" : keys.size() > 20
                    ? keys.subList(0, 20) + " and " + (keys.size() - 20) + " more" : keys.toString()));
        }
    }

    @Override
    public boolean exists(String key) {
        Objects.requireNonNull(key, "key");
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    @Override
    public List<String> list() {
        return list("");
    }

    @Override
    public List<String> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix.isEmpty() ? null : prefix).continuationToken(next));
            for (S3Object object : page.contents()) keys.add(object.key());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        Collections.sort(keys);
        return List.copyOf(keys);
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public String toString() {
        return "S3 bucket double '" + declaredName + "' (bucket " + bucket + ")";
    }
}
