package dev.awstestharness.localcloud.internal.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The log of one invocation as Lambda writes it (START, the handler's lines, END, REPORT); with LogType Tail its last
 * 4 KB come back base64-encoded in X-Amz-Log-Result. The handler's lines also go to the JDK's System.Logger at DEBUG.
 */
final class InvocationLog {
    private static final int TAIL_BYTES = 4096;

    private final StringBuilder text = new StringBuilder();
    private final System.Logger logger;
    private final String requestId;

    InvocationLog(String functionName, String requestId) {
        this.logger = System.getLogger("dev.awstestharness.localcloud.lambda." + functionName);
        this.requestId = requestId;
        text.append("START RequestId: ").append(requestId).append(" Version: $LATEST\n");
    }

    synchronized void append(String message) {
        text.append(message);
        if (!message.endsWith("\n")) text.append('\n');
        logger.log(System.Logger.Level.DEBUG, message);
    }

    synchronized String finish(long durationNanos, int memorySize) {
        double millis = durationNanos / 1_000_000.0;
        text.append("END RequestId: ").append(requestId).append('\n');
        text.append(String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\t"
                + "Max Memory Used: %d MB\t%n", requestId, millis, (long) Math.ceil(millis), memorySize, memorySize));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = bytes.length <= TAIL_BYTES ? bytes : Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES, bytes.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
