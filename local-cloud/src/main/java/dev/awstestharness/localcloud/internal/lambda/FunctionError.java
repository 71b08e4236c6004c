package dev.awstestharness.localcloud.internal.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.Arrays;

/**
 * The error payload of a failed invocation as Lambda's Java runtime writes it:
 * {@code {"errorMessage", "errorType", "stackTrace": [...], "cause": {...}}}, the type being the exception's class name
 * and the stack trace ending at the handler (the local runtime's own frames are left out, as AWS leaves out its).
 */
final class FunctionError {
    private FunctionError() {}

    static ObjectNode of(Throwable error) {
        return describe(error, 0);
    }

    private static ObjectNode describe(Throwable error, int depth) {
        ObjectNode payload = LocalJson.object();
        if (error.getMessage() != null) payload.put("errorMessage", error.getMessage());
        payload.put("errorType", error.getClass().getName());
        ArrayNode trace = payload.putArray("stackTrace");
        Arrays.stream(handlerFrames(error.getStackTrace())).forEach(frame -> trace.add(frame.toString()));
        if (error.getCause() != null && error.getCause() != error && depth < 10) payload.set("cause", describe(error.getCause(), depth + 1));
        return payload;
    }

    /** The frames above the local runtime's: the handler's own and what it called. */
    private static StackTraceElement[] handlerFrames(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(JavaHandler.class.getName())) {
                end = i;
                break;
            }
        }
        while (end > 0 && isReflection(frames[end - 1].getClassName())) end--;
        return Arrays.copyOf(frames, end);
    }

    private static boolean isReflection(String className) {
        return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                || className.startsWith("sun.reflect.");
    }

    /** The error of an invocation that ran out of time, as Lambda reports it (the payload has no errorType). */
    static ObjectNode timeout(String timestamp, String requestId, double seconds) {
        ObjectNode payload = LocalJson.object();
        payload.put("errorMessage", timestamp + " " + requestId + " Task timed out after " + String.format(java.util.Locale.ROOT, "%.2f", seconds)
                + " seconds");
        return payload;
    }
}
