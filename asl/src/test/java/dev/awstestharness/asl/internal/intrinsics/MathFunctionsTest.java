package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.assertInvalidArguments;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** States.MathAdd and MathRandom, from AWS's documentation, executions recorded on AWS and observed behaviour. */
class MathFunctionsTest {
    private static int add(String a, String b) {
        return evaluate("States.MathAdd($.fst, $.snd)", "{\"fst\": " + a + ", \"snd\": " + b + "}").intValue();
    }

    @Test
    void mathAddAddsTwoIntegers() {
        assertThat(evaluate("States.MathAdd($.value1, $.step)", "{\"value1\": 111, \"step\": -1}").intValue()).isEqualTo(110);
        assertThat(add("-9", "3")).isEqualTo(-6);
        assertThat(evaluate("States.MathAdd(States.MathAdd($.x, 1), 2)", "{\"x\": 5}").intValue()).isEqualTo(8);
    }

    @Test
    void mathAddRoundsEachArgumentHalfUpBeforeAdding() {
        assertThat(add("1.49", "1.5")).isEqualTo(3);
        assertThat(add("1.5", "1.51")).isEqualTo(4);
        assertThat(add("0.5", "0")).isEqualTo(1);
        assertThat(add("2.5", "0")).isEqualTo(3);
    }

    @Test
    void mathAddRoundsNegativeHalvesTowardsPositiveInfinity() {
        assertThat(add("-1.5", "0")).isEqualTo(-1);
        assertThat(add("-2.5", "0")).isEqualTo(-2);
        assertThat(add("-0.5", "0.5")).isEqualTo(1);
        assertThat(add("-1.49", "-1.5")).isEqualTo(-2);
        assertThat(add("-1.49", "0")).isEqualTo(-1);
    }

    @Test
    void mathAddWorksUpToTheLimitsOf32BitIntegers() {
        assertThat(add("2147483646", "1")).isEqualTo(2147483647);
        assertThat(add("-2147483647", "-1")).isEqualTo(-2147483648);
    }

    @Test
    void mathAddRejectsArgumentsAndSumsOutside32Bits() {
        assertInvalidArguments("States.MathAdd(2147483647, 1)", "States.MathAdd",
                "the sum 2147483648 is outside the range -2147483648 to 2147483647");
        assertInvalidArguments("States.MathAdd(-2147483648, -1)", "States.MathAdd", "the sum -2147483649 is outside");
        assertInvalidArguments("States.MathAdd(3000000000, 1)", "States.MathAdd",
                "argument 1 must be an integer from -2147483648 to 2147483647, but it is the number 3000000000");
    }

    @Test
    void mathAddRejectsNonNumbers() {
        assertInvalidArguments("States.MathAdd($.firstNumber, $.secondNumber)",
                "{\"firstNumber\": 1, \"secondNumber\": \"NOT A NUMBER\"}", "States.MathAdd",
                "argument 2 must be a number, but it is the string \"NOT A NUMBER\"");
        assertInvalidArguments("States.MathAdd(true, 1)", "States.MathAdd", "argument 1 must be a number");
        assertInvalidArguments("States.MathAdd(null, 1)", "States.MathAdd", "argument 1 must be a number");
    }

    @Test
    void mathRandomIsFromStartInclusiveToEndExclusive() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(evaluate("States.MathRandom($.start, $.end)", "{\"start\": 1, \"end\": 4}").intValue());
        }
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void mathRandomWithTheSameSeedGivesTheSameNumber() {
        int first = evaluate("States.MathRandom(1, 1000, 42)").intValue();

        assertThat(first).isBetween(1, 999);
        for (int i = 0; i < 10; i++) {
            assertThat(evaluate("States.MathRandom(1, 1000, 42)").intValue()).isEqualTo(first);
        }
    }

    @Test
    void mathRandomDropsTheFractionsOfItsBounds() {
        // Observed on AWS: (1.4, 1.6) is rejected like (1, 1).
        assertInvalidArguments("States.MathRandom(1.4, 1.6)", "States.MathRandom", "the start 1 must be less than the end 1");
    }

    @Test
    void mathRandomRejectsAnEmptyRangeAndNonNumbers() {
        assertInvalidArguments("States.MathRandom(1, 1)", "States.MathRandom", "the start 1 must be less than the end 1");
        assertInvalidArguments("States.MathRandom(10, 5)", "States.MathRandom", "the start 10 must be less than the end 5");
        assertInvalidArguments("States.MathRandom('a', 10)", "States.MathRandom", "argument 1 must be a number");
        assertInvalidArguments("States.MathRandom(1, 10, null)", "States.MathRandom", "argument 3 must be a number");
    }
}
