package dev.awstestharness.asl.internal.model;

/**
 * The pattern of {@code StringMatches}: {@code *} matches any run of characters; {@code \*} and {@code \\} stand for a
 * literal asterisk and backslash.
 */
public final class StringPattern {
    private final String source;
    // literal runs between wildcards; a pattern "a*b" is ["a", "b"]
    private final String[] parts;

    private StringPattern(String source, String[] parts) {
        this.source = source;
        this.parts = parts;
    }

    public static StringPattern compile(String source) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && (source.charAt(i + 1) == '*' || source.charAt(i + 1) == '\\')) {
                current.append(source.charAt(++i));
            } else if (c == '*') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return new StringPattern(source, parts.toArray(String[]::new));
    }

    public boolean matches(String text) {
        if (parts.length == 1) return text.equals(parts[0]);
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (!text.startsWith(first)) return false;
        int position = first.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = text.indexOf(parts[i], position);
            if (found < 0) return false;
            position = found + parts[i].length();
        }
        return text.length() - position >= last.length() && text.endsWith(last);
    }

    @Override
    public String toString() {
        return source;
    }
}
