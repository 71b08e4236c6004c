package dev.awstestharness.harness.internal.twins;

/**
 * An invocation of a double that the test did not handle: no twin was registered for the double
 * ({@value #NO_TWIN}), or its twin failed ({@value #TWIN_FAILED}). The invocation was answered at once with this
 * error; the test fails in its {@code afterEach} listing these.
 *
 * @param error {@value #NO_TWIN} or {@value #TWIN_FAILED}
 * @param message what happened, naming the double and what to do
 * @param cause the handler's exception, or {@code null}
 */
public record InvocationProblem(String error, String message, Throwable cause) {
    public static final String NO_TWIN = "AwsTestHarness.NoTwin";
    public static final String TWIN_FAILED = "AwsTestHarness.TwinFailed";

    @Override
    public String toString() {
        return error + ": " + message;
    }
}
