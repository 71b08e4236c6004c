package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.PathNotFoundException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionCallParsingTest {
    @Test
    void looksLikeCallRecognisesTheShapeOfACallOnly() {
        assertThat(IntrinsicFunctionCall.looksLikeCall("States.Format('{}', $.a)")).isTrue();
        assertThat(IntrinsicFunctionCall.looksLikeCall("  States.UUID()  ")).isTrue();
        assertThat(IntrinsicFunctionCall.looksLikeCall("States.NoSuchFunction(")).isTrue();
        assertThat(IntrinsicFunctionCall.looksLikeCall("$.a.b")).isFalse();
        assertThat(IntrinsicFunctionCall.looksLikeCall("States.Format")).isFalse();
        assertThat(IntrinsicFunctionCall.looksLikeCall("States.(1)")).isFalse();
        assertThat(IntrinsicFunctionCall.looksLikeCall("MyStates.Format('x')")).isFalse();
        assertThat(IntrinsicFunctionCall.looksLikeCall(null)).isFalse();
    }

    @Test
    void sourceIsTheTextAsGiven() {
        assertThat(IntrinsicFunctionCall.parse(" States.UUID() ").source()).isEqualTo(" States.UUID() ");
    }

    @Test
    void literalArgumentsAreStringsNumbersBooleansAndNull() {
        assertThat(evaluate("States.Array('HelloWorld', 0, -7, 1.1, -2.5, true, false, null)"))
                .isEqualTo(json("[\"HelloWorld\", 0, -7, 1.1, -2.5, true, false, null]"));
    }

    @Test
    void stringLiteralsUnescapeTheFourReservedCharacters() {
        assertThat(evaluate("States.Array('it\\'s', '\\{\\}', 'back\\\\slash')"))
                .isEqualTo(json("[\"it's\", \"{}\", \"back\\\\slash\"]"));
    }

    @Test
    void stringLiteralsKeepOtherCharactersAsWrittenIncludingNewLines() {
        // Recorded on AWS: a definition holding 'Hello<newline>World' and '<newline>' splits into two words.
        assertThat(evaluate("States.StringSplit('Hello\nWorld', '\n')")).isEqualTo(json("[\"Hello\", \"World\"]"));
    }

    @Test
    void whiteSpaceAroundArgumentsIsAllowed() {
        assertThat(evaluate("  States.Array( $.a ,\t$.b\n)  ", "{\"a\": 1, \"b\": 2}")).isEqualTo(json("[1, 2]"));
    }

    @Test
    void callsNestAndInnerResultsBecomeArguments() {
        String arn = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.2.3";
        String call = "States.Format('{}.{}', "
                + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), "
                + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";

        assertThat(evaluate(call, "{\"ImageRecipe\": {\"Arn\": \"" + arn + "\"}}").textValue()).isEqualTo("1.2");
    }

    @Test
    void pathArgumentsReadTheInputTheContextObjectAndVariables() {
        DataScope scope = new DataScope() {
            @Override
            public JsonNode input() {
                return json("{\"a\": {\"b\": [10, 20]}}");
            }

            @Override
            public JsonNode context() {
                return json("{\"Execution\": {\"Id\": \"arn:aws:states:us-east-1:123456789012:execution:sm:run\"}}");
            }

            @Override
            public JsonNode variable(String name) {
                return Map.of("myVar", json("{\"field\": \"from a variable\"}")).get(name);
            }
        };

        JsonNode result = IntrinsicFunctionCall.parse("States.Array($, $.a.b[1], $$.Execution.Id, $myVar.field)")
                .evaluate(scope);

        assertThat(result).isEqualTo(json("[{\"a\": {\"b\": [10, 20]}}, 20, "
                + "\"arn:aws:states:us-east-1:123456789012:execution:sm:run\", \"from a variable\"]"));
    }

    @Test
    void bracketedPathsMayHoldCommasSpacesAndParentheses() {
        String input = "{\"a b\": 1, \"c,d\": 2, \"items\": [{\"x\": 1}, {\"x\": 5}]}";

        assertThat(evaluate("States.Array($['a b'], $['c,d'], $.items[?(@.x > 2)])", input))
                .isEqualTo(json("[1, 2, [{\"x\": 5}]]"));
    }

    @Test
    void aPathThatSelectsNothingPropagatesPathNotFound() {
        assertThatThrownBy(() -> evaluate("States.Format('{}', $.missing)", "{\"present\": 1}"))
                .isInstanceOf(PathNotFoundException.class)
                .satisfies(e -> assertThat(((PathNotFoundException) e).path()).isEqualTo("$.missing"));
    }

    @Test
    void aParsedCallCanBeEvaluatedAgainstManyScopes() {
        IntrinsicFunctionCall call = IntrinsicFunctionCall.parse("States.MathAdd($.value1, $.step)");

        assertThat(call.evaluate(DataScope.of(json("{\"value1\": 111, \"step\": -1}"), Json.object())).intValue())
                .isEqualTo(110);
        assertThat(call.evaluate(DataScope.of(json("{\"value1\": -9, \"step\": 3}"), Json.object())).intValue())
                .isEqualTo(-6);
    }

    @Test
    void unknownFunctionsAreRejected() {
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array(States.Foo(1))"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown intrinsic function 'States.Foo' at position 13 of 'States.Array(States.Foo(1))'");
    }

    @Test
    void aMissingSeparatorIsReportedWithItsPosition() {
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Format('x' $.a)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected ',' or ')' at position 18 of 'States.Format('x' $.a)'");
    }

    @Test
    void wrongArgumentCountsOfFixedArityFunctionsAreRejected() {
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.MathAdd(1)"))
                .hasMessage("States.MathAdd takes 2 arguments but is given 1 at position 0 of 'States.MathAdd(1)'");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.ArrayLength($.a, 1)"))
                .hasMessageStartingWith("States.ArrayLength takes 1 argument but is given 2");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.MathRandom(1, 2, 3, 4)"))
                .hasMessageStartingWith("States.MathRandom takes 2 to 3 arguments but is given 4");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Format()"))
                .hasMessageStartingWith("States.Format takes at least 1 argument but is given 0");
    }

    @Test
    void malformedTextIsRejectedSayingWhatIsWrong() {
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array("))
                .hasMessage("expected an argument at the end of 'States.Array('");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array(1, )"))
                .hasMessageStartingWith("expected an argument: a 'string', a number, true, false, null, a path or an "
                        + "intrinsic call at position 16");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Format('open"))
                .hasMessage("unterminated string at position 14 of 'States.Format('open'");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array($.a) trailing"))
                .hasMessage("unexpected 't' after the end of the call at position 18 of 'States.Array($.a) trailing'");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array(1.)"))
                .hasMessage("expected a digit at position 15 of 'States.Array(1.)'");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array([1, 2])"))
                .hasMessageStartingWith("expected an argument");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Array"))
                .hasMessage("expected '(' after 'States.Array' at the end of 'States.Array'");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("$.a"))
                .hasMessageStartingWith("expected an intrinsic function call starting with 'States.'");
    }

    @Test
    void anOpenEscapeBackslashIsRejected() {
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.Format('a\\nb')"))
                .hasMessage("invalid escape; only \\', \\{, \\} and \\\\ are allowed in a string at position 16 of "
                        + "'States.Format('a\\nb')'");
    }

    @Test
    void invalidPathsAreRejectedNamingThePath() {
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.ArrayLength($.a[0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unterminated path at position 19");
        assertThatThrownBy(() -> IntrinsicFunctionCall.parse("States.ArrayLength($.a[x])"))
                .hasMessageStartingWith("invalid path '$.a[x]' (");
    }
}
