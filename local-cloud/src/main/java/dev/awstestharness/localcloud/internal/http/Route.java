package dev.awstestharness.localcloud.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * A service's entry point on the shared HTTP endpoint. The router asks each route in turn whether a request is its
 * own (by {@code X-Amz-Target} prefix, path or host) and hands it to the first that says yes.
 */
public interface Route {
    boolean matches(HttpRequest request);

    /**
     * Answers a request. The future may complete later (a long poll, a synchronous execution) without holding a
     * server thread; a failed future becomes an {@code InternalFailure} (HTTP 500).
     */
    CompletableFuture<HttpResponse> handle(HttpRequest request);
}
