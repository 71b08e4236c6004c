package dev.awstestharness.asl;

/** SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat named a token that cannot take it. */
public class TaskTokenException extends RuntimeException {
    public enum Reason {
        /** The text is not a task token of this interpreter. */
        INVALID_TOKEN,
        /** No task waits for this token. */
        TASK_DOES_NOT_EXIST,
        /** The task of this token has already ended (succeeded, failed or timed out). */
        TASK_TIMED_OUT
    }

    private final Reason reason;

    public TaskTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
