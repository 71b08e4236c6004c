package dev.awstestharness.localcloud.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server of the local cloud: the JDK's server on 127.0.0.1 only, a pool of daemon threads, every request
 * read completely and handed to the {@link Router}. Nothing a request does can stop the server: failures become
 * error responses, and a client that went away only loses its own response.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** Larger than any AWS request (S3 aside, which streams); protects the heap from runaway clients. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(LocalHttpServer.class.getName());

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (about 40 ms per request). Read once, when the JDK server's config loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Router router;
    private final URI endpoint;

    private LocalHttpServer(HttpServer server, ThreadPoolExecutor executor, Router router) {
        this.server = server;
        this.executor = executor;
        this.router = router;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = a free port) and starts serving, keeping {@code threads} threads and starting more
     * while they are all busy.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static LocalHttpServer start(int port, Router router, int threads) {
        AtomicInteger count = new AtomicInteger();
        // Beyond the kept threads the pool grows: the JDK server has no read timeout, so a client that sends its headers and
        // then hangs (a test thread interrupted mid-request) holds its thread until it closes the connection, and must not
        // leave every other client waiting.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "local-cloud-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 512);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        LocalHttpServer local = new LocalHttpServer(server, executor, router);
        server.createContext("/", local::handle);
        server.setExecutor(executor);
        server.start();
        return local;
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return endpoint;
    }

    /** The socket address the server is bound to: 127.0.0.1 and the port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return endpoint.getPort();
    }

    private void handle(HttpExchange exchange) {
        CompletableFuture<HttpResponse> response;
        try {
            HttpRequest request = read(exchange);
            response = request == null
                    ? CompletableFuture.completedFuture(HttpResponse.awsJsonError(413, HttpResponse.AWS_JSON_1_0, "RequestEntityTooLargeException",
                            "The request body is larger than " + MAX_BODY_BYTES + " bytes"))
                    : router.dispatch(request);
        } catch (IOException e) {
            exchange.close(); // the client went away while sending
            return;
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "Internal failure of the local cloud", e);
            response = CompletableFuture.completedFuture(HttpResponse.internalFailure(e));
        }
        if (response.isDone()) {
            send(exchange, response.join());
        } else {
            response.whenCompleteAsync((value, failure) -> send(exchange, failure == null ? value : HttpResponse.internalFailure(failure)), executor);
        }
    }

    private static HttpRequest read(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (body.size() + read > MAX_BODY_BYTES) return null;
                body.write(buffer, 0, read);
            }
        }
        URI uri = exchange.getRequestURI();
        return new HttpRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body.toByteArray());
    }

    private static void send(HttpExchange exchange, HttpResponse response) {
        try (exchange) {
            if (response.status() >= 500) LOG.log(System.Logger.Level.WARNING, "Answering with HTTP " + response.status() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            Headers headers = exchange.getResponseHeaders();
            response.headers().forEach(headers::set);
            if (!headers.containsKey("x-amzn-RequestId")) headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
            byte[] body = response.body();
            boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client closed the connection; nothing left to tell it.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
