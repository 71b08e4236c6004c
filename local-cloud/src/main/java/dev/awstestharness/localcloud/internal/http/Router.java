package dev.awstestharness.localcloud.internal.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dispatches requests to the first matching route; services plug in with {@link #add}. Thread-safe. */
public final class Router {
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public Router add(Route route) {
        routes.add(route);
        return this;
    }

    /** The response to a request; never fails: errors of a route become AWS-style error responses. */
    public CompletableFuture<HttpResponse> dispatch(HttpRequest request) {
        for (Route route : routes) {
            boolean matches;
            try {
                matches = route.matches(request);
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(HttpResponse.internalFailure(e));
            }
            if (!matches) continue;
            CompletableFuture<HttpResponse> response;
            try {
                response = route.handle(request);
            } catch (RuntimeException | Error e) {
                return CompletableFuture.completedFuture(HttpResponse.internalFailure(e));
            }
            if (response == null) {
                return CompletableFuture.completedFuture(HttpResponse.internalFailure(new IllegalStateException("a route returned no response")));
            }
            return response.handle((value, failure) -> {
                if (failure != null) return HttpResponse.internalFailure(unwrap(failure));
                return value != null ? value : HttpResponse.internalFailure(new IllegalStateException("a route returned no response"));
            });
        }
        String target = request.header("X-Amz-Target");
        String what = target != null ? "the target '" + target + "'" : request.method() + " " + request.path();
        return CompletableFuture.completedFuture(HttpResponse.awsJsonError(400, HttpResponse.AWS_JSON_1_0, "UnknownOperationException",
                "No service of the local cloud handles " + what));
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException || current instanceof java.util.concurrent.ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
