package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of an intrinsic call into an {@link Expression} tree. Arguments are string literals in single quotes
 * (escapes {@code \'}, {@code \{}, {@code \}}, {@code \\}), JSON numbers, {@code true}, {@code false}, {@code null},
 * paths ({@code $...}, {@code $$...}, {@code $var...}) and nested calls. Errors are {@link IllegalArgumentException}s
 * giving the 0-based position in the text.
 */
final class IntrinsicParser {
    static final String PREFIX = "States.";

    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    static Expression.Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        parser.skipWhitespace();
        if (!text.startsWith(PREFIX, parser.pos)) {
            throw parser.error("expected an intrinsic function call starting with 'States.'");
        }
        Expression.Call call = parser.call();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "' after the end of the call");
        }
        return call;
    }

    static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private Expression.Call call() {
        int start = pos;
        pos += PREFIX.length();
        while (pos < text.length() && isNameChar(text.charAt(pos))) pos++;
        String name = text.substring(start, pos);
        IntrinsicFunction function = IntrinsicFunctions.find(name);
        if (function == null) {
            throw error(start, "unknown intrinsic function '" + name + "'");
        }
        if (!consume('(')) throw error("expected '(' after '" + name + "'");
        List<Expression> arguments = new ArrayList<>();
        skipWhitespace();
        if (!consume(')')) {
            do {
                arguments.add(argument());
                skipWhitespace();
            } while (consume(','));
            if (!consume(')')) throw error("expected ',' or ')'");
        }
        checkArity(function, arguments.size(), start);
        return new Expression.Call(function, List.copyOf(arguments));
    }

    private void checkArity(IntrinsicFunction function, int count, int start) {
        int min = function.minArguments();
        int max = function.maxArguments();
        if (count >= min && count <= max) return;
        String expected = min == max ? String.valueOf(min)
                : max == Integer.MAX_VALUE ? "at least " + min
                : min + " to " + max;
        boolean singular = min == 1 && (max == 1 || max == Integer.MAX_VALUE);
        throw error(start, function.name() + " takes " + expected + (singular ? " argument" : " arguments")
                + " but is given " + count);
    }

    private Expression argument() {
        skipWhitespace();
        if (pos >= text.length()) throw error("expected an argument");
        char c = text.charAt(pos);
        if (c == '\'') return string();
        if (c == '$') return path();
        if (c == '-' || isDigit(c)) return number();
        if (text.startsWith(PREFIX, pos)) return call();
        if (keyword("true")) return new Expression.Literal(Json.NODES.booleanNode(true), null);
        if (keyword("false")) return new Expression.Literal(Json.NODES.booleanNode(false), null);
        if (keyword("null")) return new Expression.Literal(Json.NODES.nullNode(), null);
        throw error("expected an argument: a 'string', a number, true, false, null, a path or an intrinsic call");
    }

    private Expression string() {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error(open, "unterminated string");
            char c = text.charAt(pos);
            if (c == '\'') break;
            if (c == '\\') {
                char escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
                    throw error("invalid escape; only \\', \\{, \\} and \\\\ are allowed in a string");
                }
                value.append(escaped);
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
        String escaped = text.substring(open + 1, pos++);
        return new Expression.Literal(Json.NODES.textNode(value.toString()), escaped);
    }

    private Expression number() {
        int start = pos;
        consume('-');
        digits();
        if (consume('.')) digits();
        if (consume('e') || consume('E')) {
            if (!consume('+')) consume('-');
            digits();
        }
        JsonNode value = Json.parse(text.substring(start, pos));
        return new Expression.Literal(value, null);
    }

    private void digits() {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) throw error("expected a digit");
        while (pos < text.length() && isDigit(text.charAt(pos))) pos++;
    }

    /** A path runs to the first ',', ')' or white space outside brackets, parentheses and quotes. */
    private Expression path() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') pos++;
                else if (c == quote) quote = 0;
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (depth > 0 && (c == ']' || c == ')')) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                break;
            }
        }
        if (quote != 0 || depth > 0) throw error(start, "unterminated path");
        String source = text.substring(start, pos);
        try {
            return new Expression.PathArgument(JsonPathExpression.compile(source));
        } catch (IllegalArgumentException e) {
            throw error(start, "invalid path '" + source + "' (" + e.getMessage() + ")");
        }
    }

    private boolean keyword(String word) {
        int end = pos + word.length();
        if (!text.startsWith(word, pos) || (end < text.length() && isNameChar(text.charAt(end)))) return false;
        pos = end;
        return true;
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(String message) {
        return error(pos, message);
    }

    private IllegalArgumentException error(int at, String message) {
        String where = at >= text.length() ? "at the end" : "at position " + at;
        String shown = text.length() <= 100 ? text : text.substring(0, 100) + "...";
        return new IllegalArgumentException(message + " " + where + " of '" + shown + "'");
    }
}
