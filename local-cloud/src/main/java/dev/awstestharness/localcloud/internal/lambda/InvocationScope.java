package dev.awstestharness.localcloud.internal.lambda;

import java.util.Map;

/**
 * The environment of the function whose handler runs on the current thread, and on the threads it starts. In-process
 * handlers share one process environment, so {@code System.getenv} cannot differ per function.
 */
public final class InvocationScope {
    private static final InheritableThreadLocal<Map<String, String>> ENVIRONMENT = new InheritableThreadLocal<>();

    private InvocationScope() {}

    /** The running function's environment variables, or {@code null} outside an invocation. */
    public static Map<String, String> environment() {
        return ENVIRONMENT.get();
    }

    static void enter(Map<String, String> environment) {
        ENVIRONMENT.set(environment);
    }

    static void leave() {
        ENVIRONMENT.remove();
    }
}
