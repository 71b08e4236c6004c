package dev.awstestharness.localcloud.internal.s3;

import dev.awstestharness.localcloud.internal.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a path-style S3 request addresses: {@code /} (the service), {@code /BUCKET} or {@code /BUCKET/KEY}, with its
 * query parameters decoded.
 *
 * @param bucket {@code null} for the service
 * @param key {@code null} for the service and bucket level
 */
record S3Target(String bucket, String key, Map<String, String> query) {
    /** Query parameters that modify an operation rather than select another one (a subresource such as ?tagging). */
    private static final Set<String> PARAMETERS = Set.of("x-id", "list-type", "prefix", "delimiter", "max-keys", "continuation-token",
            "start-after", "encoding-type", "fetch-owner", "marker", "versionId", "max-buckets", "bucket-region", "response-content-type",
            "response-content-language", "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding");

    static S3Target of(HttpRequest request) {
        String path = request.path() == null ? "/" : request.path();
        String rest = path.startsWith("/") ? path.substring(1) : path;
        String bucket = null;
        String key = null;
        if (!rest.isEmpty()) {
            int slash = rest.indexOf('/');
            if (slash < 0) {
                bucket = decodePath(rest);
            } else {
                bucket = decodePath(rest.substring(0, slash));
                String rawKey = rest.substring(slash + 1);
                key = rawKey.isEmpty() ? null : decodePath(rawKey);
            }
        }
        return new S3Target(bucket, key, Collections.unmodifiableMap(parseQuery(request.query())));
    }

    String param(String name) {
        return query.get(name);
    }

    boolean has(String name) {
        return query.containsKey(name);
    }

    /** The first query parameter that selects a subresource (e.g. {@code tagging}), or {@code null}. */
    String subresource() {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name) && !name.startsWith("X-Amz-") && !name.startsWith("x-amz-")) return name;
        }
        return null;
    }

    /** Percent-decoding of a path segment: unlike a query, a {@code +} in a path is a plus sign. */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 3;
            } else {
                byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
