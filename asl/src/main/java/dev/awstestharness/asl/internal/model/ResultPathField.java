package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.path.ReferencePath;

/** {@code ResultPath}: where a state's result goes in its output: replace the input, be discarded, or be placed at a path. */
public final class ResultPathField {
    public static final ResultPathField REPLACE = new ResultPathField(null, false);
    public static final ResultPathField DISCARD = new ResultPathField(null, true);

    private final ReferencePath path;
    private final boolean discard;

    private ResultPathField(ReferencePath path, boolean discard) {
        this.path = path;
        this.discard = discard;
    }

    public static ResultPathField of(ReferencePath path) {
        return path.isRoot() ? REPLACE : new ResultPathField(path, false);
    }

    /** Combines the raw state input and the result; throws ReferencePath.MismatchException when the input's shape does not allow it. */
    public JsonNode apply(JsonNode rawInput, JsonNode result) {
        if (discard) return rawInput;
        if (path == null) return result;
        return path.set(rawInput, result);
    }

    @Override
    public String toString() {
        return discard ? "null" : path == null ? "$" : path.source();
    }
}
