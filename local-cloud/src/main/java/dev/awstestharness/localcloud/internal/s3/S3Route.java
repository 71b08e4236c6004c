package dev.awstestharness.localcloud.internal.s3;

import dev.awstestharness.localcloud.internal.http.HttpRequest;
import dev.awstestharness.localcloud.internal.http.HttpResponse;
import dev.awstestharness.localcloud.internal.http.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * S3's REST-XML protocol with path-style addressing ({@code http://127.0.0.1:PORT/BUCKET/KEY}). A request is S3's when
 * it is signed for the {@code s3} service (the credential scope of its SigV4 Authorization header or presigned
 * query), so it never takes the JSON-protocol services' {@code POST /} requests nor another REST service's paths.
 */
public final class S3Route implements Route {
    private final BucketOperations buckets;
    private final ObjectOperations objects;

    public S3Route(S3Service s3) {
        this.buckets = new BucketOperations(s3);
        this.objects = new ObjectOperations(s3);
    }

    @Override
    public boolean matches(HttpRequest request) {
        if (request.header("X-Amz-Target") != null) return false;
        String authorization = request.header("Authorization");
        if (authorization != null) return "s3".equals(signedService(authorization));
        String query = request.query();
        if (query != null && query.contains("X-Amz-Credential=")) {
            String decoded = URLDecoder.decode(query, StandardCharsets.UTF_8);
            return decoded.contains("/s3/aws4_request");
        }
        return false;
    }

    /** The service of a SigV4 Authorization header's credential scope ({@code Credential=AKID/DATE/REGION/SERVICE/aws4_request}). */
    static String signedService(String authorization) {
        int credential = authorization.indexOf("Credential=");
        if (credential < 0) return null;
        int end = authorization.indexOf(',', credential);
        String[] scope = authorization.substring(credential + "Credential=".length(), end < 0 ? authorization.length() : end).trim().split("/");
        return scope.length >= 5 ? scope[scope.length - 2] : null;
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
        String requestId = HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        S3Target target = S3Target.of(request);
        HttpResponse response;
        try {
            response = dispatch(request, target);
        } catch (S3Exception e) {
            response = error(e, requestId);
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("x-amz-request-id", requestId);
        headers.put("x-amz-id-2", Base64.getEncoder().encodeToString(randomBytes(48)));
        return CompletableFuture.completedFuture(new HttpResponse(response.status(), headers, response.body()));
    }

    private HttpResponse dispatch(HttpRequest request, S3Target target) {
        String method = request.method();
        if (target.bucket() == null) {
            if (method.equals("GET")) return buckets.listBuckets(target);
            throw S3Errors.methodNotAllowed(method, "SERVICE");
        }
        String subresource = target.subresource();
        if (target.key() == null) {
            return switch (method) {
                case "PUT" -> subresource == null ? buckets.createBucket(request, target) : unsupported(method, subresource, "a bucket");
                case "HEAD" -> buckets.headBucket(target);
                case "DELETE" -> subresource == null ? buckets.deleteBucket(target) : unsupported(method, subresource, "a bucket");
                case "GET" -> {
                    if (subresource == null) yield buckets.listObjects(target);
                    if (subresource.equals("location")) yield buckets.location(target);
                    yield unsupported(method, subresource, "a bucket");
                }
                case "POST" -> "delete".equals(subresource) ? buckets.deleteObjects(request, target) : unsupported(method, subresource, "a bucket");
                default -> throw S3Errors.methodNotAllowed(method, "BUCKET");
            };
        }
        if (subresource != null) return unsupported(method, subresource, "an object");
        return switch (method) {
            case "PUT" -> request.header("x-amz-copy-source") != null ? objects.copyObject(request, target) : objects.putObject(request, target);
            case "GET" -> objects.getObject(request, target, true);
            case "HEAD" -> objects.getObject(request, target, false);
            case "DELETE" -> objects.deleteObject(target);
            default -> throw S3Errors.methodNotAllowed(method, "OBJECT");
        };
    }

    private static HttpResponse unsupported(String method, String subresource, String level) {
        throw S3Errors.notImplemented(method + " ?" + subresource + " on " + level + " (it implements bucket create/head/delete/list/location, "
                + "ListObjects(V2), DeleteObjects and object put/get/head/delete/copy)");
    }

    private static HttpResponse error(S3Exception e, String requestId) {
        S3Xml xml = S3Xml.plainDocument("Error").element("Code", e.code()).element("Message", e.getMessage());
        e.orderedDetails().forEach(xml::element);
        xml.element("RequestId", requestId).element("HostId", Base64.getEncoder().encodeToString(randomBytes(48)));
        return new HttpResponse(e.status(), Map.of("Content-Type", "application/xml"), xml.finish("Error"));
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
