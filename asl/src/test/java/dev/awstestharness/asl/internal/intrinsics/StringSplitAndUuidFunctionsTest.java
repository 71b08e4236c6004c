package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.assertInvalidArguments;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.path.DataScope;
import org.junit.jupiter.api.Test;

/** States.StringSplit and States.UUID, from AWS's documentation and executions recorded on AWS. */
class StringSplitAndUuidFunctionsTest {
    private static String split(String text, String delimiters) {
        return "{\"fst\": \"" + text + "\", \"snd\": \"" + delimiters + "\"}";
    }

    @Test
    void stringSplitSplitsOnTheDelimiter() {
        assertThat(evaluate("States.StringSplit($.inputString, $.splitter)", "{\"inputString\": \"1,2,3,4,5\", \"splitter\": \",\"}"))
                .isEqualTo(json("[\"1\", \"2\", \"3\", \"4\", \"5\"]"));
    }

    @Test
    void stringSplitSplitsOnEveryCharacterOfTheDelimiterString() {
        assertThat(evaluate("States.StringSplit($.fst, $.snd)", split("This.is+a,test=string", ".+,=")))
                .isEqualTo(json("[\"This\", \"is\", \"a\", \"test\", \"string\"]"));
        assertThat(evaluate("States.StringSplit($.fst, $.snd)", split("split on T and \\nnew line", "T\\n")))
                .isEqualTo(json("[\"split on \", \" and \", \"new line\"]"));
    }

    @Test
    void stringSplitDropsEmptyParts() {
        assertThat(evaluate("States.StringSplit($.fst, $.snd)", split(" , ", ","))).isEqualTo(json("[\" \", \" \"]"));
        assertThat(evaluate("States.StringSplit($.fst, $.snd)", split(",,,,", ","))).isEqualTo(json("[]"));
        assertThat(evaluate("States.StringSplit($.fst, $.snd)", split(" ", ","))).isEqualTo(json("[\" \"]"));
    }

    @Test
    void stringSplitKeepsWhiteSpaceAndNewLinesInsideParts() {
        JsonNode input = json("{\"FunctionInput\": \"Value1,Value2,Value3\\nValue4,Value5,Value6\\n,,,\\n"
                + "true,1,'HelloWorld'\\nNull,None,\\n   \\n\"}");
        DataScope scope = DataScope.of(input, Json.object().set("Execution", Json.object().set("Input", input)));

        assertThat(IntrinsicFunctionCall.parse("States.StringSplit($$.Execution.Input.FunctionInput, ',')").evaluate(scope))
                .isEqualTo(json("[\"Value1\", \"Value2\", \"Value3\\nValue4\", \"Value5\", \"Value6\\n\", \"\\ntrue\", "
                        + "\"1\", \"'HelloWorld'\\nNull\", \"None\", \"\\n   \\n\"]"));
    }

    @Test
    void stringSplitRejectsNonStrings() {
        assertInvalidArguments("States.StringSplit($.val, ',')", "{\"val\": 123}", "States.StringSplit",
                "argument 1 must be a string, but it is the number 123");
        assertInvalidArguments("States.StringSplit('a,b', $.d)", "{\"d\": null}", "States.StringSplit",
                "argument 2 must be a string, but it is null");
    }

    @Test
    void uuidIsARandomVersion4Uuid() {
        String first = evaluate("States.UUID()").textValue();
        String second = evaluate("States.UUID()").textValue();

        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(second).isNotEqualTo(first);
    }
}
