package dev.awstestharness.localcloud.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response. */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
    public static final String AWS_JSON_1_0 = "application/x-amz-json-1.0";

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpResponse json(int status, String contentType, JsonNode body) {
        return new HttpResponse(status, Map.of("Content-Type", contentType), LocalJson.bytes(body));
    }

    /**
     * An error in the shape of the AWS JSON protocols, which the AWS SDKs turn into the modelled exception of that
     * type: {@code {"__type": TYPE, "message": MESSAGE}} and the {@code x-amzn-ErrorType} header.
     */
    public static HttpResponse awsJsonError(int status, String contentType, String type, String message) {
        return awsJsonError(status, contentType, type, message, Map.of());
    }

    /** An AWS JSON protocol error whose body also has {@code fields}. */
    public static HttpResponse awsJsonError(int status, String contentType, String type, String message, Map<String, JsonNode> fields) {
        ObjectNode body = LocalJson.object();
        body.put("__type", type);
        body.put("message", message);
        fields.forEach(body::set);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("x-amzn-ErrorType", type);
        return new HttpResponse(status, headers, LocalJson.bytes(body));
    }

    /** This response with more headers (replacing same-named ones); itself when there are none. */
    public HttpResponse withHeaders(Map<String, String> more) {
        if (more.isEmpty()) return this;
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new HttpResponse(status, all, body);
    }

    public static HttpResponse internalFailure(Throwable failure) {
        return awsJsonError(500, AWS_JSON_1_0, "InternalFailure", "Internal failure of the local cloud: " + failure);
    }
}
