package dev.awstestharness.localcloud.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.concurrent.CompletableFuture;

/**
 * The AWS JSON 1.0/1.1 protocol in front of a service: {@code POST /} with {@code X-Amz-Target: PREFIX.Operation}
 * and a JSON object body; errors as {@code {"__type", "message"}} with HTTP 400 (500 {@code InternalFailure} for
 * bugs).
 */
public final class AwsJsonRoute implements Route {
    private final AwsJsonService service;
    private final String prefix;

    public AwsJsonRoute(AwsJsonService service) {
        this.service = service;
        this.prefix = service.targetPrefix() + ".";
    }

    @Override
    public boolean matches(HttpRequest request) {
        String target = request.header("X-Amz-Target");
        return target != null && target.startsWith(prefix);
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
        String contentType = responseContentType(request);
        String operation = request.header("X-Amz-Target").substring(prefix.length());
        if (!request.method().equals("POST")) {
            return error(contentType, new AwsServiceException("UnknownOperationException",
                    "AWS JSON requests use POST, but " + operation + " came with " + request.method()));
        }
        ObjectNode input;
        try {
            input = parseBody(request);
        } catch (AwsServiceException e) {
            return error(contentType, e);
        }
        CompletableFuture<? extends JsonNode> result;
        try {
            result = service.invoke(operation, input);
        } catch (AwsServiceException e) {
            return error(contentType, e);
        }
        return result.handle((value, failure) -> {
            if (failure == null) return HttpResponse.json(200, contentType, value == null ? LocalJson.object() : value);
            Throwable reason = Router.unwrap(failure);
            if (reason instanceof AwsServiceException aws) {
                return HttpResponse.awsJsonError(aws.status(), contentType, aws.type(), aws.getMessage()).withHeaders(aws.headers());
            }
            return HttpResponse.internalFailure(reason);
        });
    }

    private static ObjectNode parseBody(HttpRequest request) {
        String text = request.bodyText();
        if (text.isBlank()) return LocalJson.object();
        JsonNode body;
        try {
            body = LocalJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new AwsServiceException("SerializationException", "The request body is not valid JSON: " + LocalJson.describe(e));
        }
        if (!(body instanceof ObjectNode object)) {
            throw new AwsServiceException("SerializationException", "The request body must be a JSON object, but it is: "
                    + (text.length() > 100 ? text.substring(0, 100) + "..." : text.strip()));
        }
        return object;
    }

    private static String responseContentType(HttpRequest request) {
        String contentType = request.header("Content-Type");
        return contentType != null && contentType.startsWith("application/x-amz-json-1.1") ? "application/x-amz-json-1.1"
                : HttpResponse.AWS_JSON_1_0;
    }

    private static CompletableFuture<HttpResponse> error(String contentType, AwsServiceException e) {
        return CompletableFuture.completedFuture(HttpResponse.awsJsonError(e.status(), contentType, e.type(), e.getMessage(), e.fields())
                .withHeaders(e.headers()));
    }
}
