package dev.awstestharness.asl;

/** An execution did not end within the time a caller was willing to wait. */
public class ExecutionTimeoutException extends RuntimeException {
    public ExecutionTimeoutException(String message) {
        super(message);
    }
}
