package dev.awstestharness.localcloud.internal.lambda;

/**
 * An Invoke call.
 *
 * @param functionName a name, partial or full ARN, optionally with a qualifier
 * @param qualifier the Qualifier parameter, or {@code null}
 * @param invocationType RequestResponse, Event or DryRun; {@code null} for RequestResponse
 * @param logType Tail to get the log tail back, or {@code null}
 * @param clientContext base64-encoded JSON, or {@code null}
 */
public record InvokeRequest(String functionName, String qualifier, String invocationType, String logType, String clientContext, byte[] payload) {

    public static InvokeRequest of(String functionName, byte[] payload) {
        return new InvokeRequest(functionName, null, null, null, null, payload);
    }
}
