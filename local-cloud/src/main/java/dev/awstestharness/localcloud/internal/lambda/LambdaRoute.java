package dev.awstestharness.localcloud.internal.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.http.HttpRequest;
import dev.awstestharness.localcloud.internal.http.HttpResponse;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda's REST-JSON protocol under {@code /2015-03-31/functions}: CreateFunction, GetFunction,
 * GetFunctionConfiguration, DeleteFunction, ListFunctions and Invoke. Errors are {@code {"Type", "message"}} with the
 * {@code x-amzn-ErrorType} header and Lambda's status codes.
 */
public final class LambdaRoute implements dev.awstestharness.localcloud.internal.http.Route {
    private static final String PREFIX = "/2015-03-31/functions";

    private final LambdaService lambda;

    public LambdaRoute(LambdaService lambda) {
        this.lambda = lambda;
    }

    @Override
    public boolean matches(HttpRequest request) {
        return request.header("X-Amz-Target") == null && request.path() != null && request.path().startsWith(PREFIX);
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            return dispatch(request).handle((response, failure) -> {
                if (failure == null) return response;
                Throwable reason = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (reason instanceof AwsServiceException aws) return error(aws, requestId);
                return error(new AwsServiceException("ServiceException", "Internal failure of the local Lambda service: " + reason, 500), requestId);
            });
        } catch (AwsServiceException e) {
            return CompletableFuture.completedFuture(error(e, requestId));
        }
    }

    private CompletableFuture<HttpResponse> dispatch(HttpRequest request) {
        String rest = request.path().substring(PREFIX.length());
        if (rest.startsWith("/")) rest = rest.substring(1);
        String[] segments = rest.isEmpty() ? new String[0] : rest.split("/");
        Map<String, String> query = query(request.query());
        String method = request.method();
        if (segments.length == 0) {
            if (method.equals("POST")) return done(json(201, lambda.createFunction(body(request))));
            if (method.equals("GET")) return done(json(200, lambda.listFunctions(query.get("Marker"), query.get("MaxItems"))));
        } else {
            String name = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
            String qualifier = query.get("Qualifier");
            if (segments.length == 1) {
                if (method.equals("GET")) return done(json(200, lambda.getFunction(name, qualifier)));
                if (method.equals("DELETE")) {
                    lambda.deleteFunction(name, qualifier);
                    return done(new HttpResponse(204, Map.of(), new byte[0]));
                }
            } else if (segments.length == 2 && segments[1].equals("configuration") && method.equals("GET")) {
                return done(json(200, lambda.getFunctionConfiguration(name, qualifier)));
            } else if (segments.length == 2 && segments[1].equals("invocations") && method.equals("POST")) {
                return invoke(request, name, qualifier);
            }
        }
        throw new AwsServiceException("UnknownOperationException", "The local Lambda service does not support " + method + " " + request.path()
                + "; it supports CreateFunction, GetFunction, GetFunctionConfiguration, DeleteFunction, ListFunctions and Invoke", 400);
    }

    private CompletableFuture<HttpResponse> invoke(HttpRequest request, String name, String qualifier) {
        InvokeRequest invoke = new InvokeRequest(name, qualifier, request.header("X-Amz-Invocation-Type"), request.header("X-Amz-Log-Type"),
                request.header("X-Amz-Client-Context"), request.body());
        return lambda.invoke(invoke).thenApply(result -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Amz-Executed-Version", result.executedVersion());
            if (result.functionError() != null) headers.put("X-Amz-Function-Error", result.functionError());
            if (result.logResult() != null) headers.put("X-Amz-Log-Result", result.logResult());
            headers.put("x-amzn-RequestId", result.requestId());
            return new HttpResponse(result.statusCode(), headers, result.payload());
        });
    }

    private static JsonNode body(HttpRequest request) {
        String text = request.bodyText();
        if (text.isBlank()) return LocalJson.object();
        try {
            JsonNode body = LocalJson.parse(text);
            if (!body.isObject()) throw new AwsServiceException("InvalidRequestContentException", "The request body must be a JSON object", 400);
            return body;
        } catch (JsonProcessingException e) {
            throw new AwsServiceException("InvalidRequestContentException", "Could not parse request body into json: " + LocalJson.describe(e), 400);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) return query;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (pair.isEmpty()) continue;
            query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static HttpResponse json(int status, JsonNode body) {
        return new HttpResponse(status, Map.of("Content-Type", "application/json"), LocalJson.bytes(body));
    }

    private static CompletableFuture<HttpResponse> done(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private static HttpResponse error(AwsServiceException e, String requestId) {
        ObjectNode body = LocalJson.object();
        body.put("Type", e.status() >= 500 ? "Service" : "User");
        body.put("message", e.getMessage());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-ErrorType", e.type());
        headers.put("x-amzn-RequestId", requestId);
        return new HttpResponse(e.status(), headers, LocalJson.bytes(body));
    }
}
