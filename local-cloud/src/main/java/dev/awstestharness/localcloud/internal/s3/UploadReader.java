package dev.awstestharness.localcloud.internal.s3;

import dev.awstestharness.localcloud.internal.http.HttpRequest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the object of a PutObject request as S3 does: decodes an aws-chunked body, checks its decoded length, its
 * Content-MD5, its x-amz-content-sha256 and its additional checksums (in headers or trailers), and collects its
 * content type, user metadata and representation headers.
 */
final class UploadReader {
    static final List<String> REPRESENTATION_HEADERS = List.of("Cache-Control", "Content-Disposition", "Content-Encoding",
            "Content-Language", "Expires");
    private static final String META_PREFIX = "x-amz-meta-";

    private UploadReader() {}

    static ObjectWrite read(HttpRequest request) {
        byte[] content = request.body();
        Map<String, String> trailers = Map.of();
        String contentSha256 = request.header("x-amz-content-sha256");
        if (AwsChunkedBody.isChunked(request.header("Content-Encoding"), contentSha256)) {
            AwsChunkedBody chunked = AwsChunkedBody.decode(content);
            content = chunked.content();
            trailers = chunked.trailers();
            String decodedLength = request.header("x-amz-decoded-content-length");
            if (decodedLength != null && !decodedLength.trim().equals(Integer.toString(content.length))) {
                throw S3Errors.incompleteBody("You did not provide the number of bytes specified by the x-amz-decoded-content-length HTTP header ("
                        + decodedLength.trim() + " announced, " + content.length + " sent)");
            }
        } else if (contentSha256 != null && contentSha256.matches("[0-9a-fA-F]{64}")) {
            String computed = HexFormat.of().formatHex(ChecksumAlgorithm.digest("SHA-256", content));
            if (!computed.equalsIgnoreCase(contentSha256)) throw S3Errors.contentSha256Mismatch(contentSha256, computed);
        }
        checkContentMd5(request.header("Content-MD5"), content);
        ChecksumAlgorithm algorithm = verifyChecksums(request, trailers, content);
        return new ObjectWrite(content, request.header("Content-Type"), metadata(request), representationHeaders(request), algorithm,
                request.header("If-Match"), request.header("If-None-Match"));
    }

    /** The user metadata of a request: {@code x-amz-meta-NAME} headers, names in lower case as S3 returns them. */
    static Map<String, String> metadata(HttpRequest request) {
        Map<String, String> metadata = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META_PREFIX) && lower.length() > META_PREFIX.length() && !values.isEmpty()) {
                metadata.put(lower.substring(META_PREFIX.length()), String.join(",", values));
            }
        });
        return metadata;
    }

    /** The representation headers S3 stores with an object; aws-chunked is a transfer detail, not stored. */
    static Map<String, String> representationHeaders(HttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPRESENTATION_HEADERS) {
            String value = request.header(name);
            if (value == null) continue;
            if (name.equals("Content-Encoding")) {
                value = String.join(",", java.util.Arrays.stream(value.split(",")).map(String::trim)
                        .filter(coding -> !coding.isEmpty() && !coding.equalsIgnoreCase("aws-chunked")).toList());
                if (value.isEmpty()) continue;
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static void checkContentMd5(String contentMd5, byte[] content) {
        if (contentMd5 == null) return;
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidDigest(contentMd5);
        }
        if (expected.length != 16) throw S3Errors.invalidDigest(contentMd5);
        byte[] actual = ChecksumAlgorithm.digest("MD5", content);
        if (!java.util.Arrays.equals(expected, actual)) {
            throw S3Errors.badContentMd5(contentMd5.trim(), Base64.getEncoder().encodeToString(actual));
        }
    }

    /** Verifies every checksum the request carries; the one to store is the algorithm the SDK named, else the first given. */
    private static ChecksumAlgorithm verifyChecksums(HttpRequest request, Map<String, String> trailers, byte[] content) {
        ChecksumAlgorithm chosen = null;
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            String value = request.header(algorithm.header());
            if (value == null) value = trailers.get(algorithm.header());
            if (value == null) continue;
            if (!algorithm.compute(content).equals(value.trim())) throw S3Errors.badChecksum(algorithm);
            if (chosen == null) chosen = algorithm;
        }
        String named = request.header("x-amz-sdk-checksum-algorithm");
        if (named != null) {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(named)
                    .orElseThrow(() -> S3Errors.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid."));
            boolean given = request.header(algorithm.header()) != null || trailers.containsKey(algorithm.header());
            if (!given) {
                throw S3Errors.invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer "
                        + "headers were found.");
            }
            chosen = algorithm;
        }
        return chosen;
    }
}
