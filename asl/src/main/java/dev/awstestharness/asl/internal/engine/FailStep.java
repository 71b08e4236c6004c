package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.jsonata.JsonataException;
import dev.awstestharness.asl.internal.model.ErrorSource;
import dev.awstestharness.asl.internal.model.FailState;
import dev.awstestharness.asl.internal.path.PathNotFoundException;

final class FailStep {
    private FailStep() {}

    /** The error a Fail state ends its branch with. */
    static StatesError error(FailState fail, StateEntry entry, JsonNode input) {
        return new StatesError(text(fail.error(), entry, input), text(fail.cause(), entry, input));
    }

    private static String text(ErrorSource source, StateEntry entry, JsonNode input) {
        if (source == null) return null;
        if (source instanceof ErrorSource.Literal literal) return literal.text();
        JsonNode value;
        String shown;
        if (source instanceof ErrorSource.Path path) {
            shown = "The " + source.field() + " '" + path.expression().source() + "'";
            try {
                value = path.expression().evaluate(entry.scope(input));
            } catch (PathNotFoundException e) {
                throw entry.runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
            }
        } else {
            ErrorSource.Jsonata expression = (ErrorSource.Jsonata) source;
            shown = "The JSONata expression '" + expression.template().expressionSource() + "' specified for the field '" + source.field() + "'";
            value = expression.template().evaluate(entry.jsonataScope(input, null, null), source.field());
        }
        if (!value.isTextual()) {
            String problem = shown + " returned an unexpected result type. Expected 'string', but was '" + Json.typeName(value)
                    + "' for value: " + Json.write(value);
            if (source instanceof ErrorSource.Jsonata) throw new JsonataException(problem);
            throw entry.runtimeError(problem);
        }
        return value.textValue();
    }
}
