package dev.awstestharness.asl;

/**
 * An error in the States language sense: a name such as {@code States.TaskFailed} or a custom error, and an optional
 * cause. Thrown by the interpreter and by service integrations; {@code Retry} and {@code Catch} match on {@link #error()}.
 */
public class StatesError extends RuntimeException {
    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(describe(error, cause), null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public StatesError(String error, String cause, Throwable reason) {
        super(describe(error, cause), reason, false, false);
        this.error = error;
        this.cause = cause;
    }

    private static String describe(String error, String cause) {
        String name = error == null ? "(no error)" : error;
        return cause == null ? name : name + ": " + cause;
    }

    /** The error name matched by {@code ErrorEquals}; {@code null} for a Fail state that names none. */
    public String error() {
        return error;
    }

    /** The cause, or {@code null} when the error carries none. */
    public String cause() {
        return cause;
    }
}
