package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.assertInvalidArguments;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** States.Format. Expected values are AWS's documented examples and executions recorded on AWS. */
class FormatFunctionTest {
    private static String format(String call, String input) {
        return evaluate(call, input).textValue();
    }

    @Test
    void formatReplacesEachPlaceholderWithTheNextArgument() {
        String input = "{\"name\": \"Arnav\", \"template\": \"Hello, my name is {}.\"}";

        assertThat(format("States.Format('Hello, my name is {}.', $.name)", input)).isEqualTo("Hello, my name is Arnav.");
        assertThat(format("States.Format($.template, $.name)", input)).isEqualTo("Hello, my name is Arnav.");
    }

    @Test
    void formatInsertsStringsAsTheyAre() {
        assertThat(format("States.Format('Formatting arguments fst={} and snd={}.', $.fst, $.snd)",
                        "{\"fst\": \" \", \"snd\": \"\"}"))
                .isEqualTo("Formatting arguments fst=  and snd=.");
        assertThat(format("States.Format('Formatting argument {}.', $.a)", "{\"a\": \"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}"))
                .isEqualTo("Formatting argument {\"Arg1\": 1, \"Arg2\": []}.");
    }

    @Test
    void formatWritesNumbersBooleansAndNullAsJson() {
        assertThat(format("States.Format('Formatting argument {}.', $.a)", "{\"a\": 1}")).isEqualTo("Formatting argument 1.");
        assertThat(format("States.Format('Formatting argument {}.', $.a)", "{\"a\": 1.1}"))
                .isEqualTo("Formatting argument 1.1.");
        assertThat(format("States.Format('Formatting argument {}.', $.a)", "{\"a\": null}"))
                .isEqualTo("Formatting argument null.");
        assertThat(format("States.Format('{} {} {}', $.a, $.b, $.c)", "{\"a\": \"x\", \"b\": 2, \"c\": true}"))
                .isEqualTo("x 2 true");
    }

    @Test
    void formatWritesObjectsAndArraysTheWayJavaPrintsMaps() {
        assertThat(format("States.Format('fst={} and snd={}.', $.fst, $.snd)",
                        "{\"fst\": {\"Arg1\": 1, \"Arg2\": []}, \"snd\": {\"Arg1\": 1, \"Arg2\": []}}"))
                .isEqualTo("fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.");
    }

    @Test
    void formatAcceptsNestedCallsAsArguments() {
        assertThat(format("States.Format('arn:{}:{}', $.svc, States.JsonToString($.obj))",
                        "{\"svc\": \"lambda\", \"obj\": {\"k\": 1}}"))
                .isEqualTo("arn:lambda:{\"k\":1}");
    }

    @Test
    void formatTreatsEscapedBracesAndQuotesAsText() {
        assertThat(format("States.Format('\\{\\} is literal, {} is not, it\\'s \\\\ too', 1)", "{}"))
                .isEqualTo("{} is literal, 1 is not, it's \\ too");
    }

    @Test
    void formatWithoutPlaceholdersReturnsTheTemplate() {
        assertThat(format("States.Format('no placeholders')", "{}")).isEqualTo("no placeholders");
    }

    @Test
    void formatRequiresAsManyArgumentsAsPlaceholders() {
        assertInvalidArguments("States.Format('{} {}', 'x')", "States.Format",
                "the template has more {} placeholders than the 1 value(s) given");
        assertInvalidArguments("States.Format('{}', 'x', 'y')", "States.Format",
                "the template has 1 {} placeholder(s) but 2 values are given");
    }

    @Test
    void formatRejectsBracesThatAreNotPlaceholders() {
        assertInvalidArguments("States.Format('Hello {', 'x')", "States.Format",
                "the template has a '{' that does not open a {} placeholder at index 6");
        assertInvalidArguments("States.Format('}')", "States.Format",
                "the template has a '}' that does not close a {} placeholder at index 0");
        assertInvalidArguments("States.Format('Hello {{}}', 'x')", "States.Format", "does not open a {} placeholder");
    }

    @Test
    void formatRejectsATemplateThatIsNotAString() {
        assertInvalidArguments("States.Format($.t, 'x')", "{\"t\": 123}", "States.Format",
                "argument 1 must be a string, but it is the number 123");
    }
}
