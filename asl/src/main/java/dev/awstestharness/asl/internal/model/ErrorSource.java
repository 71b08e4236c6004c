package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.template.ValueExpression;

/** Where a Fail state's Error or Cause comes from. */
public sealed interface ErrorSource {
    /** The field name used in messages: {@code Error}, {@code CausePath}, ... */
    String field();

    record Literal(String field, String text) implements ErrorSource {}

    record Path(String field, ValueExpression expression) implements ErrorSource {}

    record Jsonata(String field, JsonataTemplate template) implements ErrorSource {}
}
