package dev.awstestharness.asl;

import java.util.List;
import java.util.stream.Collectors;

/** A definition failed validation; {@link #problems()} lists every problem found, in document order. */
public class InvalidDefinitionException extends RuntimeException {
    private final List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super("Invalid State Machine Definition: '"
                + problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining(", ")) + "'");
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
