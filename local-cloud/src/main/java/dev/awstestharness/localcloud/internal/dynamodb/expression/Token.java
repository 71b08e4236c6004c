package dev.awstestharness.localcloud.internal.dynamodb.expression;

/** A token of an expression, with its place in the text for error messages. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind { NAME, NAME_REF, VALUE_REF, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, EOF }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /** A name token spelling the keyword, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    /** How DynamoDB's messages show the token. */
    String shown() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
