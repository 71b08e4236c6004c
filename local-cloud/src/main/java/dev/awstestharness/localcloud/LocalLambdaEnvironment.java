package dev.awstestharness.localcloud;

import dev.awstestharness.localcloud.internal.lambda.InvocationScope;
import java.util.Map;

/**
 * The environment variables of the Lambda function whose handler is running, for handlers run in-process by the local
 * cloud. Every local function shares the JVM's process environment, so {@code System.getenv} cannot return a
 * function's own variables; this lookup does, on the handler's thread and on threads it starts, and falls back to
 * {@code System.getenv} outside a local invocation (on AWS). Handlers that need no dependency on the local cloud can
 * instead declare a public constructor taking {@code Map<String, String>}: the local cloud passes the function's
 * environment to it.
 */
public final class LocalLambdaEnvironment {
    private LocalLambdaEnvironment() {}

    /** All variables: the function's configuration plus those Lambda defines (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, ...). */
    public static Map<String, String> current() {
        Map<String, String> environment = InvocationScope.environment();
        return environment != null ? environment : System.getenv();
    }

    /** One variable, or {@code null}. */
    public static String get(String name) {
        return current().get(name);
    }
}
