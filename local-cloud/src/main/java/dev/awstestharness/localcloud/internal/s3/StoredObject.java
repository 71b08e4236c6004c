package dev.awstestharness.localcloud.internal.s3;

import java.time.Instant;
import java.util.Map;

/**
 * An object as S3 keeps it: its bytes and what S3 returns about them.
 *
 * @param etag the quoted hex MD5 of the content, e.g. {@code "9a0364b9e99bb480dd25e1f0284c8555"} with the quotes
 * @param lastModified second precision, as S3's HTTP dates show it
 * @param metadata the user metadata ({@code x-amz-meta-*} without the prefix, lower case names)
 * @param headers the stored representation headers: Cache-Control, Content-Disposition, Content-Encoding,
 *     Content-Language, Expires
 * @param checksumAlgorithm the object's additional checksum
 * @param checksum its base64 value
 */
public record StoredObject(String key, byte[] content, String etag, Instant lastModified, String contentType,
        Map<String, String> metadata, Map<String, String> headers, ChecksumAlgorithm checksumAlgorithm, String checksum) {
    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    public StoredObject {
        metadata = Map.copyOf(metadata);
        headers = Map.copyOf(headers);
    }

    public long size() {
        return content.length;
    }
}
