package dev.awstestharness.doubles.contract;

/**
 * A declaration of test doubles cannot be used. {@link #field()} names where the bad value is (e.g.
 * {@code Parameters.AWSTestHarnessS3Buckets.Default} or {@code parameter AWSTestHarnessS3Buckets}), {@link #problem()}
 * says what is wrong and what was expected; the message is {@code <field>: <problem>}.
 */
public final class DeclarationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public DeclarationException(String field, String problem) {
        this(field, problem, null);
    }

    public DeclarationException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
