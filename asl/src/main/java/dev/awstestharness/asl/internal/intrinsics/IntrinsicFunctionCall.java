package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.path.DataScope;
import java.util.Objects;

/**
 * A parsed intrinsic function call such as {@code States.Format('{}-{}', $.a, States.UUID())}. Parse once; the call is
 * immutable and can be evaluated any number of times, from any thread.
 */
public final class IntrinsicFunctionCall {
    private final String source;
    private final Expression.Call root;

    private IntrinsicFunctionCall(String source, Expression.Call root) {
        this.source = source;
        this.root = root;
    }

    /** True when {@code text} has the shape of an intrinsic call: {@code States.<Name>(}, white space around allowed. */
    public static boolean looksLikeCall(String text) {
        if (text == null) return false;
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        if (!text.startsWith(IntrinsicParser.PREFIX, i)) return false;
        i += IntrinsicParser.PREFIX.length();
        int nameStart = i;
        while (i < text.length() && IntrinsicParser.isNameChar(text.charAt(i))) i++;
        return i > nameStart && i < text.length() && text.charAt(i) == '(';
    }

    /**
     * Parses and checks a call: its syntax, that every function exists and gets an allowed number of arguments.
     * Throws {@link IllegalArgumentException} saying what is wrong and at which (0-based) position.
     */
    public static IntrinsicFunctionCall parse(String text) {
        Objects.requireNonNull(text, "text");
        return new IntrinsicFunctionCall(text, IntrinsicParser.parse(text));
    }

    /**
     * Evaluates the call. An argument AWS rejects raises {@link dev.awstestharness.asl.StatesError} {@code
     * States.Runtime} with the cause "Invalid arguments in States.X" (the reason's message tells which argument and
     * why); a path that selects nothing raises {@link dev.awstestharness.asl.internal.path.PathNotFoundException}.
     */
    public JsonNode evaluate(DataScope scope) {
        return root.evaluate(scope);
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
