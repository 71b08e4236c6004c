package dev.awstestharness.asl.internal.parse;

import dev.awstestharness.asl.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one definition so that all of them are reported at once. */
final class Problems {
    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";
    static final String MISSING_END = "MISSING_END_STATE";
    static final String DUPLICATE_NAME = "DUPLICATE_STATE_NAME";
    /** Valid ASL that this interpreter does not run yet; never a silent misinterpretation. */
    static final String UNSUPPORTED = "UNSUPPORTED_FEATURE";

    private final List<DefinitionProblem> problems = new ArrayList<>();

    void schema(String location, String message) {
        add(SCHEMA, message, location);
    }

    void add(String code, String message, String location) {
        problems.add(new DefinitionProblem(code, message, location));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<DefinitionProblem> list() {
        return problems;
    }
}
