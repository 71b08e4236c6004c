package dev.awstestharness.asl.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.JsonPathExpression;

/**
 * {@code InputPath}, {@code OutputPath} or {@code ItemsPath}: absent (the whole document), {@code null} (an empty
 * object) or a path selecting part of the document.
 */
public final class PathField {
    public static final PathField WHOLE = new PathField(null, false);
    public static final PathField EMPTY = new PathField(null, true);

    private final JsonPathExpression path;
    private final boolean empty;

    private PathField(JsonPathExpression path, boolean empty) {
        this.path = path;
        this.empty = empty;
    }

    public static PathField of(JsonPathExpression path) {
        return "$".equals(path.source()) ? WHOLE : new PathField(path, false);
    }

    /** Applies the field to {@code scope.input()}; throws PathNotFoundException when a definite path selects nothing. */
    public JsonNode select(DataScope scope) {
        if (empty) return Json.object();
        if (path == null) return scope.input();
        return path.read(scope);
    }

    public JsonPathExpression path() {
        return path;
    }

    @Override
    public String toString() {
        return empty ? "null" : path == null ? "$" : path.source();
    }
}
