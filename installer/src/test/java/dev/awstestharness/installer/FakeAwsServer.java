package dev.awstestharness.installer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.awstestharness.installer.aws.AwsSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * An HTTP server on 127.0.0.1 that answers SDK clients as AWS would, with the responses a test scripts: AWS's error
 * formats (query-protocol XML, JSON 1.1, S3's XML) and successful responses.
 */
public final class FakeAwsServer implements AutoCloseable {
    /** A request as received. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body, byte[] bytes) {
        /** A form parameter of a query-protocol request ({@code Action}, {@code StackName}, ...). */
        public String form(String name) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        /** The payload: the body, without S3's aws-chunked framing when the SDK used it. */
        public byte[] payload() {
            String encoding = String.valueOf(header("Content-Encoding")) + String.valueOf(header("x-amz-content-sha256"));
            if (!encoding.contains("aws-chunked") && !encoding.contains("STREAMING")) return bytes;
            java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
            int position = 0;
            while (position < bytes.length) {
                int lineEnd = indexOf(bytes, position);
                String sizeLine = new String(bytes, position, lineEnd - position, StandardCharsets.US_ASCII);
                int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                position = lineEnd + 2;
                if (size == 0) break;
                payload.write(bytes, position, size);
                position += size + 2;
            }
            return payload.toByteArray();
        }

        private static int indexOf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) if (bytes[i] == '\r' && bytes[i + 1] == '\n') return i;
            throw new IllegalArgumentException("No line end in the aws-chunked body after " + from);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A response: status, content type, body. */
    public record Response(int status, String contentType, String body) {
        public static Response xml(int status, String body) {
            return new Response(status, "text/xml", body);
        }

        public static Response json(int status, String body) {
            return new Response(status, "application/x-amz-json-1.1", body);
        }

        /** A query-protocol (CloudFormation, STS) error. */
        public static Response queryError(int status, String code, String message) {
            return xml(status, "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeAwsServer(Function<Request, Response> responder) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Request, Response> responder) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    headers, new String(bytes, StandardCharsets.UTF_8), bytes);
            requests.add(request);
            Response response = responder.apply(request);
            byte[] answer = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.getResponseHeaders().add("x-amzn-RequestId", "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE");
            exchange.sendResponseHeaders(response.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) exchange.getResponseBody().write(answer);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A session whose clients all talk to this server, with static credentials, in eu-west-1. */
    public AwsSession session() {
        return AwsSession.of(Region.EU_WEST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), endpoint());
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
