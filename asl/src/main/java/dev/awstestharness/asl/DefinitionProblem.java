package dev.awstestharness.asl;

/**
 * One reason a definition is invalid, in the shape AWS's ValidateStateMachineDefinition reports: a code such as
 * {@code SCHEMA_VALIDATION_FAILED} or {@code MISSING_TRANSITION_TARGET}, a message, and the JSON pointer of the
 * offending field ({@code null} when the problem concerns the whole definition).
 */
public record DefinitionProblem(String code, String message, String location) {
    @Override
    public String toString() {
        return code + ": " + message + (location == null ? "" : " at " + location);
    }
}
