package dev.awstestharness.localcloud.internal.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens: names, {@code #name} and {@code :value} references, numbers (list indexes) and operators. */
final class ExpressionLexer {
    private ExpressionLexer() {}

    static List<Token> tokenize(String text, String kind) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                tokens.add(new Token(Token.Kind.NAME, text.substring(start, i), start, i));
            } else if (c == '#' || c == ':') {
                i++;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                if (i == start + 1) throw ExpressionErrors.syntax(kind, text, tokens, new Token(Token.Kind.NAME, String.valueOf(c), start, i));
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, text.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
            } else {
                Token.Kind symbol;
                int length = 1;
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                switch (two) {
                    case "<>" -> { symbol = Token.Kind.NE; length = 2; }
                    case "<=" -> { symbol = Token.Kind.LE; length = 2; }
                    case ">=" -> { symbol = Token.Kind.GE; length = 2; }
                    default -> symbol = switch (c) {
                        case '(' -> Token.Kind.LPAREN;
                        case ')' -> Token.Kind.RPAREN;
                        case '[' -> Token.Kind.LBRACKET;
                        case ']' -> Token.Kind.RBRACKET;
                        case ',' -> Token.Kind.COMMA;
                        case '.' -> Token.Kind.DOT;
                        case '=' -> Token.Kind.EQ;
                        case '<' -> Token.Kind.LT;
                        case '>' -> Token.Kind.GT;
                        case '+' -> Token.Kind.PLUS;
                        case '-' -> Token.Kind.MINUS;
                        default -> null;
                    };
                }
                if (symbol == null) {
                    throw ExpressionErrors.syntax(kind, text, tokens, new Token(Token.Kind.NAME, String.valueOf(c), start, start + 1));
                }
                i += length;
                tokens.add(new Token(symbol, text.substring(start, i), start, i));
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", text.length(), text.length()));
        return tokens;
    }
}
