package dev.awstestharness.localcloud.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the routes see it: read completely, headers case-insensitive.
 *
 * @param path the raw (still percent-encoded) path, e.g. {@code /2015-03-31/functions/f/invocations}
 * @param query the raw query string, or {@code null}
 */
public record HttpRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public HttpRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) copy.put(name, List.copyOf(values));
        });
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
