package dev.awstestharness.asl.internal.path;

/** A definite path selected nothing. The message is the JSONPath library's, which is also what AWS reports. */
public final class PathNotFoundException extends RuntimeException {
    private final String path;

    public PathNotFoundException(String path, String message) {
        super(message, null, false, false);
        this.path = path;
    }

    /** The path as written in the definition. */
    public String path() {
        return path;
    }
}
