package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response metadata that Step Functions' optimized integrations (which call services with the AWS SDK for Java
 * v1) add to a service's response: {@code SdkHttpMetadata} with the HTTP headers (once as lists, once as single
 * values) and status, and {@code SdkResponseMetadata} with the request id.
 */
public final class SdkHttpMetadata {
    private SdkHttpMetadata() {}

    /**
     * Adds both metadata objects to {@code response} (the service's response body), with the headers a service answers
     * with: {@code Content-Type}, {@code Content-Length} of that body, {@code Date}, {@code x-amzn-RequestId}, then
     * {@code extraHeaders}.
     */
    public static ObjectNode append(ObjectNode response, String contentType, String requestId, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Length", Integer.toString(LocalJson.write(response).getBytes(StandardCharsets.UTF_8).length));
        headers.put("Content-Type", contentType);
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("x-amzn-RequestId", requestId);
        headers.putAll(extraHeaders);
        ObjectNode metadata = LocalJson.object();
        ObjectNode all = metadata.putObject("AllHttpHeaders");
        headers.forEach((name, value) -> all.putArray(name).add(value));
        ObjectNode single = metadata.putObject("HttpHeaders");
        headers.forEach(single::put);
        metadata.put("HttpStatusCode", 200);
        response.set("SdkHttpMetadata", metadata);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        return response;
    }
}
