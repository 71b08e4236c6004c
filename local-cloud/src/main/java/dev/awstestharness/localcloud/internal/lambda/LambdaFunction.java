package dev.awstestharness.localcloud.internal.lambda;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A function: its configuration as Lambda describes it, its resolved handler, and its idle handler instances (one per
 * "execution environment": concurrent invocations get their own instance, a timed-out one's is thrown away, as Lambda
 * discards a timed-out environment).
 *
 * @param environment the variables of the function's configuration
 * @param runtimeEnvironment those plus the ones Lambda's runtime defines (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, ...)
 */
record LambdaFunction(String name, String arn, String runtime, String role, JavaHandler handler, String description, int timeoutSeconds,
        int memorySize, Map<String, String> environment, Map<String, String> runtimeEnvironment, long codeSize, String codeSha256,
        Instant lastModified, String revisionId, ConcurrentLinkedDeque<Object> idleInstances) {
    static final String LATEST = "$LATEST";

    String logGroup() {
        return "/aws/lambda/" + name;
    }

    String logStream() {
        return logStream(revisionId);
    }

    static String logStream(String revisionId) {
        return "local/[$LATEST]" + revisionId.replace("-", "");
    }
}
