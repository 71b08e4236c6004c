package dev.awstestharness.localcloud.internal.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A body in the {@code aws-chunked} content encoding, as the AWS SDKs stream uploads: chunks of
 * {@code HEX-SIZE[;chunk-signature=SIG]\r\nDATA\r\n}, a zero-size chunk, then optional trailer headers
 * ({@code x-amz-checksum-crc32:VALUE\r\n}, {@code x-amz-trailer-signature:SIG\r\n}) and an empty line. Chunk and
 * trailer signatures are not checked: the local cloud accepts any credentials.
 *
 * @param trailers the trailer headers, names in lower case
 */
record AwsChunkedBody(byte[] content, Map<String, String> trailers) {

    /** Whether a request's body is aws-chunked: by its Content-Encoding or its streaming x-amz-content-sha256. */
    static boolean isChunked(String contentEncoding, String contentSha256) {
        if (contentSha256 != null && contentSha256.startsWith("STREAMING-")) return true;
        if (contentEncoding == null) return false;
        for (String coding : contentEncoding.split(",")) {
            if (coding.trim().equalsIgnoreCase("aws-chunked")) return true;
        }
        return false;
    }

    static AwsChunkedBody decode(byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length);
        int position = 0;
        while (true) {
            int lineEnd = lineEnd(body, position);
            if (lineEnd < 0) throw malformed("a chunk header has no line end");
            String header = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw malformed("the chunk size '" + hex + "' is not a hexadecimal number");
            }
            if (size < 0) throw malformed("a chunk size is negative");
            position = lineEnd + 2;
            if (size == 0) break;
            if (position + size > body.length) throw malformed("a chunk of " + size + " bytes is longer than the rest of the body");
            content.write(body, position, size);
            position += size;
            if (position + 2 > body.length || body[position] != '\r' || body[position + 1] != '\n') {
                throw malformed("a chunk's data does not end with CRLF");
            }
            position += 2;
        }
        Map<String, String> trailers = new TreeMap<>();
        while (position < body.length) {
            int lineEnd = lineEnd(body, position);
            int end = lineEnd < 0 ? body.length : lineEnd;
            String line = new String(body, position, end - position, StandardCharsets.UTF_8);
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon <= 0) throw malformed("the trailer line '" + line + "' is not NAME:VALUE");
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            position = lineEnd < 0 ? body.length : lineEnd + 2;
        }
        return new AwsChunkedBody(content.toByteArray(), trailers);
    }

    private static int lineEnd(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') return i;
        }
        return -1;
    }

    private static S3Exception malformed(String why) {
        return S3Errors.incompleteBody("The aws-chunked request body is malformed: " + why);
    }
}
