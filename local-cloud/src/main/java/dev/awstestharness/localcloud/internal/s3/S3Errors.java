package dev.awstestharness.localcloud.internal.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/** The S3 errors the local S3 reports, with S3's codes, statuses and messages. */
final class S3Errors {
    static final int MAX_KEY_BYTES = 1024;

    private S3Errors() {}

    static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(404, "NoSuchBucket", "The specified bucket does not exist", Map.of("BucketName", bucket));
    }

    static S3Exception noSuchKey(String key) {
        return new S3Exception(404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", key));
    }

    static S3Exception bucketNotEmpty(String bucket) {
        return new S3Exception(409, "BucketNotEmpty", "The bucket you tried to delete is not empty", Map.of("BucketName", bucket));
    }

    static S3Exception bucketAlreadyOwnedByYou(String bucket) {
        return new S3Exception(409, "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.", Map.of("BucketName", bucket));
    }

    static S3Exception invalidBucketName(String bucket) {
        return new S3Exception(400, "InvalidBucketName", "The specified bucket is not valid.", Map.of("BucketName", bucket));
    }

    static S3Exception invalidRange(String range, long size) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("RangeRequested", range);
        details.put("ActualObjectSize", Long.toString(size));
        return new S3Exception(416, "InvalidRange", "The requested range is not satisfiable", details);
    }

    static S3Exception preconditionFailed(String condition) {
        return new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold",
                Map.of("Condition", condition));
    }

    static S3Exception malformedXml() {
        return new S3Exception(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema", Map.of());
    }

    static S3Exception badChecksum(ChecksumAlgorithm algorithm) {
        return new S3Exception(400, "BadDigest", "The " + algorithm.name() + " you specified did not match the calculated checksum.", Map.of());
    }

    static S3Exception badContentMd5(String expected, String calculated) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ExpectedDigest", expected);
        details.put("CalculatedDigest", calculated);
        return new S3Exception(400, "BadDigest", "The Content-MD5 you specified did not match what we received.", details);
    }

    static S3Exception invalidDigest(String contentMd5) {
        return new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified was invalid.", Map.of("Content-MD5", contentMd5));
    }

    static S3Exception contentSha256Mismatch(String client, String computed) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ClientComputedContentSHA256", client);
        details.put("S3ComputedContentSHA256", computed);
        return new S3Exception(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.",
                details);
    }

    static S3Exception invalidArgument(String message, String name, String value) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ArgumentName", name);
        details.put("ArgumentValue", value == null ? "" : value);
        return new S3Exception(400, "InvalidArgument", message, details);
    }

    static S3Exception invalidRequest(String message) {
        return new S3Exception(400, "InvalidRequest", message, Map.of());
    }

    static S3Exception keyTooLong(int size) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Size", Integer.toString(size));
        details.put("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES));
        return new S3Exception(400, "KeyTooLongError", "Your key is too long", details);
    }

    static S3Exception incompleteBody(String message) {
        return new S3Exception(400, "IncompleteBody", message, Map.of());
    }

    static S3Exception methodNotAllowed(String method, String resourceType) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Method", method);
        details.put("ResourceType", resourceType);
        return new S3Exception(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", details);
    }

    static S3Exception notImplemented(String what) {
        return new S3Exception(501, "NotImplemented", "A header or query you provided implies functionality that is not implemented: the local "
                + "S3 does not implement " + what, Map.of());
    }
}
