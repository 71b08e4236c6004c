package dev.awstestharness.harness;

/** The exit code a container double ends with. */
public record ExitCode(int value) {
    public static final ExitCode SUCCESS = new ExitCode(0);

    public static ExitCode of(int value) {
        return new ExitCode(value);
    }
}
