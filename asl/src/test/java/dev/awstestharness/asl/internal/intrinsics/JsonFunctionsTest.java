package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.assertInvalidArguments;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** States.StringToJson, JsonToString and JsonMerge, from AWS's documentation and executions recorded on AWS. */
class JsonFunctionsTest {
    private static String input(String value) {
        return "{\"FunctionInput\": " + value + "}";
    }

    @Test
    void stringToJsonParsesTheString() {
        assertThat(evaluate("States.StringToJson($.escapedJsonString)", "{\"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\"}"))
                .isEqualTo(json("{\"foo\": \"bar\"}"));
        assertThat(evaluate("States.StringToJson($.FunctionInput)", input("\"[1, 2, \\\"HelloWorld\\\"]\"")))
                .isEqualTo(json("[1, 2, \"HelloWorld\"]"));
        assertThat(evaluate("States.StringToJson($.FunctionInput)", input("\"1.1\""))).isEqualTo(json("1.1"));
        assertThat(evaluate("States.StringToJson($.FunctionInput)", input("\"true\""))).isEqualTo(json("true"));
        assertThat(evaluate("States.StringToJson($.FunctionInput)", input("\"null\""))).isEqualTo(json("null"));
    }

    @Test
    void stringToJsonOfABlankStringIsNull() {
        assertThat(evaluate("States.StringToJson($.FunctionInput)", input("\"\""))).isEqualTo(json("null"));
        assertThat(evaluate("States.StringToJson($.FunctionInput)", input("\" \""))).isEqualTo(json("null"));
    }

    @Test
    void stringToJsonRejectsTextThatIsNotJsonAndNonStrings() {
        assertInvalidArguments("States.StringToJson('{\"a\": ')", "States.StringToJson", "argument 1 is not JSON text");
        assertInvalidArguments("States.StringToJson('1 2')", "States.StringToJson", "argument 1 is not JSON text");
        assertInvalidArguments("States.StringToJson($.a)", "{\"a\": {}}", "States.StringToJson",
                "argument 1 must be a string, but it is the object {}");
    }

    @Test
    void jsonToStringWritesCompactJson() {
        assertThat(evaluate("States.JsonToString($.FunctionInput)", input("null")).textValue()).isEqualTo("null");
        assertThat(evaluate("States.JsonToString($.FunctionInput)", input("0")).textValue()).isEqualTo("0");
        assertThat(evaluate("States.JsonToString($.FunctionInput)", input("1.1")).textValue()).isEqualTo("1.1");
        assertThat(evaluate("States.JsonToString($.probe)", "{\"probe\": [null, \"\", \" \", 0, 1, true, false, [0, 1, false]]}")
                        .textValue())
                .isEqualTo("[null,\"\",\" \",0,1,true,false,[0,1,false]]");
        assertThat(evaluate("States.JsonToString($.unescapedJson)", "{\"unescapedJson\": {\"foo\": \"bar\"}}").textValue())
                .isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void jsonMergeShallowlyMergesTheRightObjectIntoTheLeft() {
        String objects = "{\"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2, \"d\": 3}, "
                + "\"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3, \"d\": 4}}";

        assertThat(evaluate("States.JsonMerge($.json1, $.json2, false)", objects))
                .isEqualTo(json("{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3, \"d\": 4}"));
    }

    @Test
    void jsonMergeDoesNotChangeItsArguments() {
        String objects = "{\"l\": {\"x\": 1}, \"r\": {\"x\": 2}}";

        assertThat(evaluate("States.Array(States.JsonMerge($.l, $.r, false), $.l)", objects))
                .isEqualTo(json("[{\"x\": 2}, {\"x\": 1}]"));
    }

    @Test
    void jsonMergeSupportsOnlyTheShallowMode() {
        assertInvalidArguments("States.JsonMerge($.a, $.b, true)", "{\"a\": {}, \"b\": {}}", "States.JsonMerge",
                "argument 3 is true, but only the shallow merge (false) is supported");
    }

    @Test
    void jsonMergeTreatsANonBooleanFlagAsShallow() {
        // Observed on AWS.
        assertThat(evaluate("States.JsonMerge($.a, $.b, $.deep)", "{\"a\": {\"x\": 1}, \"b\": {}, \"deep\": \"false\"}"))
                .isEqualTo(json("{\"x\": 1}"));
    }

    @Test
    void jsonMergeRejectsValuesThatAreNotObjects() {
        assertInvalidArguments("States.JsonMerge($.a, $.b, false)", "{\"a\": [], \"b\": {}}", "States.JsonMerge",
                "argument 1 must be an object, but it is the array []");
        assertInvalidArguments("States.JsonMerge($.a, $.b, false)", "{\"a\": {}, \"b\": null}", "States.JsonMerge",
                "argument 2 must be an object, but it is null");
    }
}
