package dev.awstestharness.harness.internal.declaration;

/**
 * The template (or a file it refers to) cannot be used: the message names the file, the field (as a path such as
 * {@code Resources.Example.Properties.DefinitionSubstitutions.Arn}) and what was expected there.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
