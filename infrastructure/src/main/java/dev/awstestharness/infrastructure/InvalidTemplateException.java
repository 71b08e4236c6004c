package dev.awstestharness.infrastructure;

/**
 * A template cannot be rendered: its declaration of doubles is invalid, or it conflicts with what the transform
 * generates. The message names the template, the parameter, resource or output (by logical id) at fault and what
 * was expected.
 */
public final class InvalidTemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidTemplateException(String message) {
        super(message);
    }

    public InvalidTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
