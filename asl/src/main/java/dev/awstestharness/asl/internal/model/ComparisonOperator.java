package dev.awstestharness.asl.internal.model;

import java.util.HashMap;
import java.util.Map;

/** The comparison operators of a Choice rule, with what they compare and how. */
public enum ComparisonOperator {
    STRING_EQUALS(Kind.STRING, Relation.EQ),
    STRING_LESS_THAN(Kind.STRING, Relation.LT),
    STRING_GREATER_THAN(Kind.STRING, Relation.GT),
    STRING_LESS_THAN_EQUALS(Kind.STRING, Relation.LTE),
    STRING_GREATER_THAN_EQUALS(Kind.STRING, Relation.GTE),
    STRING_MATCHES(Kind.STRING_PATTERN, Relation.EQ),
    NUMERIC_EQUALS(Kind.NUMERIC, Relation.EQ),
    NUMERIC_LESS_THAN(Kind.NUMERIC, Relation.LT),
    NUMERIC_GREATER_THAN(Kind.NUMERIC, Relation.GT),
    NUMERIC_LESS_THAN_EQUALS(Kind.NUMERIC, Relation.LTE),
    NUMERIC_GREATER_THAN_EQUALS(Kind.NUMERIC, Relation.GTE),
    BOOLEAN_EQUALS(Kind.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS(Kind.TIMESTAMP, Relation.EQ),
    TIMESTAMP_LESS_THAN(Kind.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN(Kind.TIMESTAMP, Relation.GT),
    TIMESTAMP_LESS_THAN_EQUALS(Kind.TIMESTAMP, Relation.LTE),
    TIMESTAMP_GREATER_THAN_EQUALS(Kind.TIMESTAMP, Relation.GTE),
    IS_NULL(Kind.TYPE_TEST, Relation.EQ),
    IS_PRESENT(Kind.TYPE_TEST, Relation.EQ),
    IS_NUMERIC(Kind.TYPE_TEST, Relation.EQ),
    IS_STRING(Kind.TYPE_TEST, Relation.EQ),
    IS_BOOLEAN(Kind.TYPE_TEST, Relation.EQ),
    IS_TIMESTAMP(Kind.TYPE_TEST, Relation.EQ);

    public enum Kind {
        STRING,
        STRING_PATTERN,
        NUMERIC,
        BOOLEAN,
        TIMESTAMP,
        TYPE_TEST
    }

    public enum Relation {
        EQ,
        LT,
        GT,
        LTE,
        GTE;

        public boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case LT -> comparison < 0;
                case GT -> comparison > 0;
                case LTE -> comparison <= 0;
                case GTE -> comparison >= 0;
            };
        }
    }

    private static final Map<String, ComparisonOperator> BY_FIELD = new HashMap<>();

    static {
        for (ComparisonOperator operator : values()) BY_FIELD.put(operator.fieldName(), operator);
    }

    private final Kind kind;
    private final Relation relation;

    ComparisonOperator(Kind kind, Relation relation) {
        this.kind = kind;
        this.relation = relation;
    }

    public Kind kind() {
        return kind;
    }

    public Relation relation() {
        return relation;
    }

    /** The field name in ASL, e.g. {@code NumericLessThanEquals}. */
    public String fieldName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    /** Whether a {@code ...Path} variant exists (every operator but StringMatches and the type tests). */
    public boolean hasPathVariant() {
        return kind != Kind.TYPE_TEST && kind != Kind.STRING_PATTERN;
    }

    /** The operator for an ASL field name such as {@code StringEquals}; {@code null} when there is none. */
    public static ComparisonOperator forField(String fieldName) {
        return BY_FIELD.get(fieldName);
    }
}
