package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.model.FailState;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import dev.awstestharness.asl.internal.template.ValueExpression;

final class FailStep {
    private FailStep() {}

    /** The error a Fail state ends its branch with. */
    static StatesError error(FailState fail, StateEntry entry, JsonNode input) {
        String error = fail.errorPath() != null ? text(fail.errorPath(), "ErrorPath", entry, input) : fail.error();
        String cause = fail.causePath() != null ? text(fail.causePath(), "CausePath", entry, input) : fail.cause();
        return new StatesError(error, cause);
    }

    private static String text(ValueExpression expression, String field, StateEntry entry, JsonNode input) {
        JsonNode value;
        try {
            value = expression.evaluate(entry.scope(input));
        } catch (PathNotFoundException e) {
            throw entry.runtimeError("Invalid path '" + e.path() + "' : " + e.getMessage());
        }
        if (!value.isTextual()) {
            throw entry.runtimeError("The " + field + " '" + expression.source() + "' must resolve to a string but was "
                    + Json.typeName(value) + ": " + Json.abbreviate(value));
        }
        return value.textValue();
    }
}
