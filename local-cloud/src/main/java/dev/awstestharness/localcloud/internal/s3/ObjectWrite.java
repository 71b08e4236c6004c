package dev.awstestharness.localcloud.internal.s3;

import java.util.Map;

/**
 * What a PutObject stores, already decoded and verified.
 *
 * @param contentType {@code null} for S3's default {@code binary/octet-stream}
 * @param checksumAlgorithm the checksum the upload named, or {@code null} for S3's default CRC64NVME
 * @param ifMatch a conditional write's If-Match ETag, or {@code null}
 * @param ifNoneMatch {@code *} for a write that must not replace an object, or {@code null}
 */
public record ObjectWrite(byte[] content, String contentType, Map<String, String> metadata, Map<String, String> headers,
        ChecksumAlgorithm checksumAlgorithm, String ifMatch, String ifNoneMatch) {

    public static ObjectWrite of(byte[] content, String contentType) {
        return new ObjectWrite(content, contentType, Map.of(), Map.of(), null, null, null);
    }
}
