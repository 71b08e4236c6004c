package dev.awstestharness.localcloud.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalHttpServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    LocalHttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    /** A service whose operations misbehave in every way a bug could. */
    static final class Misbehaving implements AwsJsonService {
        @Override
        public String targetPrefix() {
            return "Test";
        }

        @Override
        public CompletableFuture<? extends JsonNode> invoke(String operation, ObjectNode input) {
            return switch (operation) {
                case "Throw" -> throw new IllegalStateException("bug in the operation");
                case "FailLater" -> CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("bug after a while");
                });
                case "Null" -> null;
                case "Refuse" -> CompletableFuture.failedFuture(new AwsServiceException("ThingNotFound", "No thing named 'x'"));
                case "Later" -> CompletableFuture.supplyAsync(() -> (JsonNode) input,
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
                default -> CompletableFuture.completedFuture(input);
            };
        }
    }

    @BeforeEach
    void start() {
        Router router = new Router()
                .add(new AwsJsonRoute(new Misbehaving()))
                .add(new Route() {
                    @Override
                    public boolean matches(HttpRequest request) {
                        return request.path().startsWith("/explode");
                    }

                    @Override
                    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
                        throw new StackOverflowError("deep");
                    }
                })
                .add(new Route() {
                    @Override
                    public boolean matches(HttpRequest request) {
                        return request.path().startsWith("/echo");
                    }

                    @Override
                    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
                        return CompletableFuture.completedFuture(new HttpResponse(200, Map.of("Content-Type", "text/plain"),
                                (request.method() + " " + request.query() + " " + request.header("x-custom") + " " + request.bodyText())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    }
                });
        server = LocalHttpServer.start(0, router, 4);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clientsThatSendHeadersAndHangDoNotKeepOthersWaiting() throws Exception {
        java.util.List<java.net.Socket> hanging = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) { // more than the four threads the server keeps
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.address().getPort());
                socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                hanging.add(socket);
            }

            var response = http.sendAsync(java.net.http.HttpRequest.newBuilder(server.endpoint().resolve("/echo?a=1"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("POST a=1");
        } finally {
            for (java.net.Socket socket : hanging) socket.close();
        }
    }

    @Test
    void bugsInAnOperationBecomeInternalFailureAndTheServerKeepsServing() throws Exception {
        for (String operation : new String[] {"Throw", "FailLater", "Null"}) {
            java.net.http.HttpResponse<String> response = post("Test." + operation, "{}");
            assertThat(response.statusCode()).as(operation).isEqualTo(500);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("__type").textValue()).isEqualTo("InternalFailure");
            assertThat(error.get("message").textValue()).startsWith("Internal failure of the local cloud: ");
        }
        java.net.http.HttpResponse<String> explode = http.send(java.net.http.HttpRequest.newBuilder(server.endpoint().resolve("/explode")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(explode.statusCode()).isEqualTo(500);
        assertThat(post("Test.Echo", "{\"still\":\"here\"}").body()).isEqualTo("{\"still\":\"here\"}");
    }

    @Test
    void serviceErrorsBecomeAwsJsonErrors() throws Exception {
        java.net.http.HttpResponse<String> response = post("Test.Refuse", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"__type\":\"ThingNotFound\",\"message\":\"No thing named 'x'\"}"));
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ThingNotFound");
    }

    @Test
    void answersThatCompleteLaterHoldNoServerThread() throws Exception {
        CompletableFuture<?>[] slow = new CompletableFuture<?>[16];
        long began = System.nanoTime();
        for (int i = 0; i < slow.length; i++) {
            slow[i] = http.sendAsync(java.net.http.HttpRequest.newBuilder(server.endpoint())
                    .header("X-Amz-Target", "Test.Later").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
        CompletableFuture.allOf(slow).get(10, TimeUnit.SECONDS);

        // 16 answers that each take 100 ms, served by 4 threads: together, not one after the other.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isLessThan(1_000);
        for (int i = 0; i < slow.length; i++) {
            assertThat(((java.net.http.HttpResponse<?>) slow[i].join()).body()).isEqualTo("{\"n\":" + i + "}");
        }
    }

    @Test
    void routesSeeTheMethodQueryHeadersAndBody() throws Exception {
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(server.endpoint().resolve("/echo/x?a=1&b=%20"))
                .header("X-Custom", "yes").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("payload")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("PUT a=1&b=%20 yes payload");
    }

    private java.net.http.HttpResponse<String> post(String target, String body) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
