package dev.awstestharness.localcloud.internal.lambda;

/**
 * What Invoke returns.
 *
 * @param statusCode 200 for RequestResponse, 202 for Event, 204 for DryRun
 * @param functionError {@code Unhandled} when the function failed (the payload is then its error), otherwise {@code null}
 * @param logResult the base64 log tail for LogType Tail, otherwise {@code null}
 */
public record InvocationResult(int statusCode, String functionError, byte[] payload, String logResult, String executedVersion, String requestId) {}
