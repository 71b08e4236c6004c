package dev.awstestharness.installer;

/**
 * A failure the user can act on: its message says what went wrong and what to do, and is printed without a stack
 * trace; the command exits with {@link #EXIT_CODE}.
 */
public final class InstallerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The exit code of a command that failed with an {@code InstallerException}. */
    public static final int EXIT_CODE = 1;

    public InstallerException(String message) {
        super(message);
    }

    public InstallerException(String message, Throwable cause) {
        super(message, cause);
    }
}
