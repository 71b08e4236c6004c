package dev.awstestharness.asl.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.DataScope;

/** Shorthands for the intrinsic tests: evaluate a call against an input, and expect AWS's invalid-arguments error. */
final class IntrinsicTesting {
    private IntrinsicTesting() {}

    static JsonNode json(String text) {
        return Json.parse(text);
    }

    static JsonNode evaluate(String call) {
        return evaluate(call, "{}");
    }

    static JsonNode evaluate(String call, String input) {
        return IntrinsicFunctionCall.parse(call).evaluate(DataScope.of(json(input), Json.object()));
    }

    /** AWS fails such a call with States.Runtime and the cause "Invalid arguments in States.X". */
    static void assertInvalidArguments(String call, String input, String function, String detail) {
        assertThatThrownBy(() -> evaluate(call, input)).isInstanceOfSatisfying(StatesError.class, e -> {
            assertThat(e.error()).isEqualTo(StatesErrors.RUNTIME);
            assertThat(e.cause()).isEqualTo("Invalid arguments in " + function);
            assertThat(e.getCause()).hasMessageStartingWith(function + ": ").hasMessageContaining(detail);
        });
    }

    static void assertInvalidArguments(String call, String function, String detail) {
        assertInvalidArguments(call, "{}", function, detail);
    }
}
