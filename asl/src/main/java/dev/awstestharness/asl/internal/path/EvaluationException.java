package dev.awstestharness.asl.internal.path;

/**
 * A field could not be evaluated against the state's data. The interpreter reports it as {@code States.Runtime},
 * prefixed with the state's name and the id of the event that entered it, as AWS does.
 */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message, null, false, false);
    }
}
