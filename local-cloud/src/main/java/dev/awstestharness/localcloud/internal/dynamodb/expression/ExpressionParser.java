package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.internal.dynamodb.AttributeValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for DynamoDB's expression languages: condition expressions (ConditionExpression,
 * FilterExpression, KeyConditionExpression), update expressions and projection expressions. Names and values are
 * resolved while parsing, so errors name what AWS names: syntax errors with the token, reserved keywords, undefined
 * {@code #names} and {@code :values}, wrong functions and operand types.
 */
public final class ExpressionParser {
    public static final String CONDITION = "ConditionExpression";
    public static final String FILTER = "FilterExpression";
    public static final String KEY_CONDITION = "KeyConditionExpression";
    public static final String UPDATE = "UpdateExpression";
    public static final String PROJECTION = "ProjectionExpression";

    private static final Set<String> RESERVED = loadReservedWords();
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> ORDERABLE = Set.of("S", "N", "B");

    private final String text;
    private final String kind;
    private final ExpressionAttributes attributes;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String text, String kind, ExpressionAttributes attributes) {
        this.text = text;
        this.kind = kind;
        this.attributes = attributes;
        this.tokens = ExpressionLexer.tokenize(text, kind);
    }

    public static Condition condition(String text, String kind, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(text, kind, attributes);
        parser.checkNotEmpty();
        Condition condition = parser.or();
        parser.expectEnd();
        return condition;
    }

    public static UpdateExpression update(String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(text, UPDATE, attributes);
        parser.checkNotEmpty();
        UpdateExpression update = parser.updateClauses();
        parser.checkNoOverlap(update.paths());
        return update;
    }

    public static Projection projection(String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(text, PROJECTION, attributes);
        parser.checkNotEmpty();
        List<Path> paths = new ArrayList<>();
        paths.add(parser.path());
        while (parser.accept(Token.Kind.COMMA)) paths.add(parser.path());
        parser.expectEnd();
        parser.checkNoOverlap(paths);
        return new Projection(paths);
    }

    // ---- conditions

    private Condition or() {
        Condition left = and();
        while (current().isKeyword("OR")) {
            position++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (current().isKeyword("AND")) {
            position++;
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (current().isKeyword("NOT")) {
            position++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (accept(Token.Kind.LPAREN)) {
            Condition inner = or();
            expect(Token.Kind.RPAREN);
            return inner;
        }
        if (current().is(Token.Kind.NAME) && peek(1).is(Token.Kind.LPAREN) && CONDITION_FUNCTIONS.contains(current().text())) {
            return conditionFunction();
        }
        Operand left = operand();
        Token operator = current();
        if (operator.isKeyword("BETWEEN")) {
            position++;
            Operand low = operand();
            if (!current().isKeyword("AND")) throw syntaxError(current());
            position++;
            Operand high = operand();
            checkOrderable("BETWEEN", left, low, high);
            if (low instanceof Operand.ValueOperand l && high instanceof Operand.ValueOperand h) {
                Integer order = AttributeValues.compare(l.constant(), h.constant());
                if (order != null && order > 0) {
                    throw ExpressionErrors.invalid(kind, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                            + "lower bound operand: AttributeValue: " + AttributeValues.describe(l.constant())
                            + ", upper bound operand: AttributeValue: " + AttributeValues.describe(h.constant()));
                }
            }
            return new Condition.Between(left, low, high);
        }
        if (operator.isKeyword("IN")) {
            position++;
            expect(Token.Kind.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (accept(Token.Kind.COMMA)) candidates.add(operand());
            expect(Token.Kind.RPAREN);
            if (candidates.size() > 100) {
                throw ExpressionErrors.invalid(kind, "Too many operands for operator or function; operator or function: IN, number of operands: "
                        + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        String symbol = switch (operator.kind()) {
            case EQ, NE, LT, LE, GT, GE -> operator.text();
            default -> null;
        };
        if (symbol == null) throw syntaxError(operator);
        position++;
        Operand right = operand();
        if (!symbol.equals("=") && !symbol.equals("<>")) checkOrderable(symbol, left, right);
        return new Condition.Comparison(symbol, left, right);
    }

    private Condition conditionFunction() {
        Token name = current();
        String function = name.text();
        position += 2;
        List<Operand> arguments = arguments();
        switch (function) {
            case "attribute_exists", "attribute_not_exists" -> {
                checkArgumentCount(function, arguments, 1);
                return new Condition.AttributeExists(pathArgument(function, arguments.get(0)), function.equals("attribute_exists"));
            }
            case "attribute_type" -> {
                checkArgumentCount(function, arguments, 2);
                Path path = pathArgument(function, arguments.get(0));
                if (arguments.get(1) instanceof Operand.ValueOperand value) {
                    JsonNode type = value.constant();
                    String typeName = type.has("S") ? type.get("S").textValue() : null;
                    if (typeName == null || !AttributeValues.TYPES.contains(typeName)) {
                        throw ExpressionErrors.invalid(kind, "Invalid attribute type name found; type: "
                                + (typeName != null ? typeName : AttributeValues.type(type)) + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                    }
                }
                return new Condition.AttributeType(path, arguments.get(1));
            }
            case "begins_with" -> {
                checkArgumentCount(function, arguments, 2);
                for (Operand argument : arguments) {
                    if (argument instanceof Operand.ValueOperand value) {
                        String type = AttributeValues.type(value.constant());
                        if (!type.equals("S") && !type.equals("B")) {
                            throw ExpressionErrors.invalid(kind, "Incorrect operand type for operator or function; operator or function: begins_with, operand type: " + type);
                        }
                    }
                }
                return new Condition.BeginsWith(arguments.get(0), arguments.get(1));
            }
            default -> {
                checkArgumentCount(function, arguments, 2);
                return new Condition.Contains(arguments.get(0), arguments.get(1));
            }
        }
    }

    private List<Operand> arguments() {
        List<Operand> arguments = new ArrayList<>();
        if (current().is(Token.Kind.RPAREN)) throw syntaxError(current());
        arguments.add(operand());
        while (accept(Token.Kind.COMMA)) arguments.add(operand());
        expect(Token.Kind.RPAREN);
        return arguments;
    }

    private void checkArgumentCount(String function, List<Operand> arguments, int expected) {
        if (arguments.size() != expected) {
            throw ExpressionErrors.invalid(kind, "Incorrect number of operands for operator or function; operator or function: " + function
                    + ", number of operands: " + arguments.size());
        }
    }

    private Path pathArgument(String function, Operand argument) {
        if (argument instanceof Operand.PathOperand path) return path.path();
        throw ExpressionErrors.invalid(kind, "Operator or function requires a document path; operator or function: " + function);
    }

    private void checkOrderable(String operator, Operand... operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.ValueOperand value && !ORDERABLE.contains(AttributeValues.type(value.constant()))) {
                throw ExpressionErrors.invalid(kind, "Incorrect operand type for operator or function; operator: " + operator + ", operand type: "
                        + AttributeValues.type(value.constant()));
            }
        }
    }

    /** A path, a {@code :value} or {@code size(path)}. */
    private Operand operand() {
        Token token = current();
        if (token.is(Token.Kind.VALUE_REF)) {
            position++;
            return new Operand.ValueOperand(token.text(), attributes.value(token.text(), kind));
        }
        if (token.is(Token.Kind.NAME) && peek(1).is(Token.Kind.LPAREN)) {
            String function = token.text();
            if (function.equals("size")) {
                position += 2;
                List<Operand> arguments = arguments();
                checkArgumentCount(function, arguments, 1);
                return new Operand.Size(new Operand.PathOperand(pathArgument(function, arguments.get(0))));
            }
            if (CONDITION_FUNCTIONS.contains(function) || function.equals("if_not_exists") || function.equals("list_append")) {
                throw ExpressionErrors.invalid(kind, "The function is not allowed to be used this way in an expression; function: " + function);
            }
            throw ExpressionErrors.invalid(kind, "Invalid function name; function: " + function);
        }
        return new Operand.PathOperand(path());
    }

    // ---- paths

    private Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(pathName());
            } else if (current().is(Token.Kind.LBRACKET)) {
                position++;
                Token index = current();
                if (!index.is(Token.Kind.NUMBER)) throw syntaxError(index);
                position++;
                expect(Token.Kind.RBRACKET);
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw syntaxError(index);
                }
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token token = current();
        if (token.is(Token.Kind.NAME_REF)) {
            position++;
            return attributes.name(token.text(), kind);
        }
        if (token.is(Token.Kind.NAME)) {
            if (RESERVED.contains(token.text().toUpperCase(Locale.ROOT))) {
                throw ExpressionErrors.invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            position++;
            return token.text();
        }
        throw syntaxError(token);
    }

    // ---- update expressions

    private UpdateExpression updateClauses() {
        UpdateExpression update = new UpdateExpression();
        Set<String> seen = new HashSet<>();
        while (!current().is(Token.Kind.EOF)) {
            Token clause = current();
            String keyword = clause.is(Token.Kind.NAME) ? clause.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(keyword)) throw syntaxError(clause);
            if (!seen.add(keyword)) {
                throw ExpressionErrors.invalid(kind, "The \"" + keyword + "\" section can only be used once in an update expression;");
            }
            position++;
            do {
                switch (keyword) {
                    case "SET" -> {
                        Path path = path();
                        expect(Token.Kind.EQ);
                        update.sets.add(new UpdateExpression.SetAction(path, setValue()));
                    }
                    case "REMOVE" -> update.removes.add(path());
                    case "ADD" -> {
                        Path path = path();
                        Operand.ValueOperand value = valueOperand();
                        String type = AttributeValues.type(value.constant());
                        if (!Set.of("N", "SS", "NS", "BS").contains(type)) {
                            throw ExpressionErrors.invalid(kind, "Incorrect operand type for operator or function; operator: ADD, operand type: " + typeName(type));
                        }
                        update.adds.add(new UpdateExpression.AddAction(path, value));
                    }
                    default -> {
                        Path path = path();
                        Operand.ValueOperand value = valueOperand();
                        String type = AttributeValues.type(value.constant());
                        if (!Set.of("SS", "NS", "BS").contains(type)) {
                            throw ExpressionErrors.invalid(kind, "Incorrect operand type for operator or function; operator: DELETE, operand type: " + typeName(type));
                        }
                        update.deletes.add(new UpdateExpression.DeleteAction(path, value));
                    }
                }
            } while (accept(Token.Kind.COMMA));
        }
        return update;
    }

    private static String typeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "M" -> "MAP";
            case "L" -> "LIST";
            default -> type;
        };
    }

    private Operand.ValueOperand valueOperand() {
        Token token = current();
        if (!token.is(Token.Kind.VALUE_REF)) throw syntaxError(token);
        position++;
        return new Operand.ValueOperand(token.text(), attributes.value(token.text(), kind));
    }

    private Operand setValue() {
        Operand left = setOperand();
        if (current().is(Token.Kind.PLUS) || current().is(Token.Kind.MINUS)) {
            char operator = current().text().charAt(0);
            position++;
            return new Operand.Arithmetic(operator, left, setOperand());
        }
        return left;
    }

    private Operand setOperand() {
        Token token = current();
        if (token.is(Token.Kind.VALUE_REF)) {
            position++;
            return new Operand.ValueOperand(token.text(), attributes.value(token.text(), kind));
        }
        if (token.is(Token.Kind.NAME) && peek(1).is(Token.Kind.LPAREN)) {
            String function = token.text();
            position += 2;
            switch (function) {
                case "if_not_exists" -> {
                    Operand first = setValue();
                    expect(Token.Kind.COMMA);
                    Operand second = setValue();
                    expect(Token.Kind.RPAREN);
                    if (!(first instanceof Operand.PathOperand path)) {
                        throw ExpressionErrors.invalid(kind, "Operator or function requires a document path; operator or function: if_not_exists");
                    }
                    return new Operand.IfNotExists(path.path(), second);
                }
                case "list_append" -> {
                    Operand first = setValue();
                    expect(Token.Kind.COMMA);
                    Operand second = setValue();
                    expect(Token.Kind.RPAREN);
                    return new Operand.ListAppend(first, second);
                }
                default -> {
                    if (CONDITION_FUNCTIONS.contains(function) || function.equals("size")) {
                        throw ExpressionErrors.invalid(kind, "The function is not allowed in an update expression; function: " + function);
                    }
                    throw ExpressionErrors.invalid(kind, "Invalid function name; function: " + function);
                }
            }
        }
        return new Operand.PathOperand(path());
    }

    private void checkNoOverlap(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(i).overlaps(paths.get(j))) {
                    throw ExpressionErrors.invalid(kind, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + paths.get(i).describe() + ", path two: " + paths.get(j).describe());
                }
            }
        }
    }

    // ---- tokens

    private void checkNotEmpty() {
        if (text.isBlank()) throw ExpressionErrors.invalid(kind, "The expression can not be empty;");
    }

    private Token current() {
        return tokens.get(position);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private boolean accept(Token.Kind kind) {
        if (!current().is(kind)) return false;
        position++;
        return true;
    }

    private void expect(Token.Kind kind) {
        if (!accept(kind)) throw syntaxError(current());
    }

    private void expectEnd() {
        if (!current().is(Token.Kind.EOF)) throw syntaxError(current());
    }

    private RuntimeException syntaxError(Token token) {
        return ExpressionErrors.syntax(kind, text, tokens, token);
    }

    private static Set<String> loadReservedWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = ExpressionParser.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) throw new IllegalStateException("reserved-words.txt is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) words.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
