package dev.awstestharness.localcloud.internal.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error S3 reports, as S3 reports it: a code such as {@code NoSuchKey}, a message, an HTTP status and the extra
 * elements of the {@code <Error>} document ({@code Key}, {@code BucketName}, ...), in order.
 */
public final class S3Exception extends RuntimeException {
    private final String code;
    private final int status;
    private final Map<String, String> details;

    S3Exception(int status, String code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = new LinkedHashMap<>(details);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The elements after {@code Code} and {@code Message}, e.g. {@code Key}. */
    public Map<String, String> details() {
        return Map.copyOf(details);
    }

    Map<String, String> orderedDetails() {
        return details;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
