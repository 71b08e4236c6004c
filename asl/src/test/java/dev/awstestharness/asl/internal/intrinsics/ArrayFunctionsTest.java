package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.assertInvalidArguments;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength and ArrayUnique. Expected values
 * are AWS's documented examples, executions recorded on AWS, or behaviour observed on AWS as noted.
 */
class ArrayFunctionsTest {
    private static final String ONE_TO_NINE = "{\"inputArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9], \"index\": 5, \"lookingFor\": 5}";

    @Test
    void arrayHoldsItsArgumentsInOrder() {
        assertThat(evaluate("States.Array($.Id)", "{\"Id\": 123456}")).isEqualTo(json("[123456]"));
        assertThat(evaluate("States.Array($.fst, $.snd)", "{\"fst\": 1.1, \"snd\": \"\"}")).isEqualTo(json("[1.1, \"\"]"));
    }

    @Test
    void arrayWithoutArgumentsIsEmpty() {
        assertThat(evaluate("States.Array()")).isEqualTo(json("[]"));
    }

    @Test
    void arrayPartitionCutsChunksOfTheSizeWithAShorterLastOne() {
        assertThat(evaluate("States.ArrayPartition($.inputArray, 4)", ONE_TO_NINE))
                .isEqualTo(json("[[1, 2, 3, 4], [5, 6, 7, 8], [9]]"));
        assertThat(evaluate("States.ArrayPartition($.a, 3)", "{\"a\": [0, 1, 2, 3]}")).isEqualTo(json("[[0, 1, 2], [3]]"));
        assertThat(evaluate("States.ArrayPartition($.a, 5)", "{\"a\": [0, 1, 2]}")).isEqualTo(json("[[0, 1, 2]]"));
    }

    @Test
    void arrayPartitionOfAnEmptyArrayIsEmpty() {
        assertThat(evaluate("States.ArrayPartition($.a, 1)", "{\"a\": []}")).isEqualTo(json("[]"));
    }

    @Test
    void arrayPartitionDropsTheFractionOfTheChunkSize() {
        // Observed on AWS: 2.6 partitions like 2, and 0.6 is rejected like 0.
        assertThat(evaluate("States.ArrayPartition($.a, 2.6)", "{\"a\": [1, 2, 3, 4, 5]}"))
                .isEqualTo(json("[[1, 2], [3, 4], [5]]"));
        assertInvalidArguments("States.ArrayPartition($.a, 0.6)", "{\"a\": [1]}", "States.ArrayPartition",
                "argument 2 must be a positive chunk size, but it is the number 0.6");
    }

    @Test
    void arrayPartitionRejectsANonPositiveChunkSizeAndANonArray() {
        assertInvalidArguments("States.ArrayPartition($.a, 0)", "{\"a\": [1]}", "States.ArrayPartition",
                "argument 2 must be a positive chunk size");
        assertInvalidArguments("States.ArrayPartition($.a, -1)", "{\"a\": [1]}", "States.ArrayPartition",
                "argument 2 must be a positive chunk size");
        assertInvalidArguments("States.ArrayPartition('not-array', 2)", "States.ArrayPartition",
                "argument 1 must be an array, but it is the string \"not-array\"");
        assertInvalidArguments("States.ArrayPartition($.a, '2')", "{\"a\": [1]}", "States.ArrayPartition",
                "argument 2 must be a number, but it is the string \"2\"");
    }

    @Test
    void arrayContainsFindsAValue() {
        assertThat(evaluate("States.ArrayContains($.inputArray, $.lookingFor)", ONE_TO_NINE).booleanValue()).isTrue();
        assertThat(evaluate("States.ArrayContains($.a, false)", "{\"a\": [true, false]}").booleanValue()).isTrue();
        assertThat(evaluate("States.ArrayContains($.a, 10)", ONE_TO_NINE.replace("inputArray", "a")).booleanValue())
                .isFalse();
    }

    @Test
    void arrayContainsComparesStructuresByValue() {
        assertThat(evaluate("States.ArrayContains($.fst, $.snd)",
                        "{\"fst\": [{\"1\": 2, \"2\": []}], \"snd\": {\"1\": 2, \"2\": []}}").booleanValue())
                .isTrue();
        assertThat(evaluate("States.ArrayContains($.fst, $.snd)", "{\"fst\": [[1, 2, 3], 2], \"snd\": null}")
                        .booleanValue())
                .isFalse();
        assertThat(evaluate("States.ArrayContains($.fst, $.snd)", "{\"fst\": [], \"snd\": []}").booleanValue()).isFalse();
        assertThat(evaluate("States.ArrayContains($.a, $.t)", "{\"a\": [{\"a\": 1}], \"t\": {\"a\": 1, \"extra\": null}}")
                        .booleanValue())
                .isFalse();
    }

    @Test
    void arrayContainsMatchesByTextTheWayAwsDoes() {
        // Observed on AWS: true matches "true", a number matches its digits, and reordered keys do not match.
        assertThat(evaluate("States.ArrayContains($.a, true)", "{\"a\": [\"true\", \"false\"]}").booleanValue()).isTrue();
        assertThat(evaluate("States.ArrayContains($.a, $.t)", "{\"a\": [\"9007199254740991\"], \"t\": 9007199254740991}")
                        .booleanValue())
                .isTrue();
        assertThat(evaluate("States.ArrayContains($.a, false)", "{\"a\": [0, 1, -1, -1.5]}").booleanValue()).isFalse();
        assertThat(evaluate("States.ArrayContains($.a, $.t)", "{\"a\": [{\"a\": 1, \"b\": 2}], \"t\": {\"b\": 2, \"a\": 1}}")
                        .booleanValue())
                .isFalse();
    }

    @Test
    void arrayContainsRejectsANonArray() {
        assertInvalidArguments("States.ArrayContains('not-array', 'x')", "States.ArrayContains",
                "argument 1 must be an array");
    }

    @Test
    void arrayRangeRunsFromFirstToLastByStep() {
        assertThat(evaluate("States.ArrayRange(1, 9, 2)")).isEqualTo(json("[1, 3, 5, 7, 9]"));
        assertThat(evaluate("States.ArrayRange($.fst, $.snd, $.trd)", "{\"fst\": 0, \"snd\": 10, \"trd\": 3}"))
                .isEqualTo(json("[0, 3, 6, 9]"));
        assertThat(evaluate("States.ArrayRange(3, 3, -1)")).isEqualTo(json("[3]"));
    }

    @Test
    void arrayRangeCountsDownWithANegativeStepAndIsEmptyAgainstTheStep() {
        assertThat(evaluate("States.ArrayRange(5, 1, -2)")).isEqualTo(json("[5, 3, 1]"));
        assertThat(evaluate("States.ArrayRange(5, 1, 1)")).isEqualTo(json("[]"));
        assertThat(evaluate("States.ArrayRange(1, 5, -1)")).isEqualTo(json("[]"));
    }

    @Test
    void arrayRangeDropsTheFractionsOfItsArguments() {
        // Observed on AWS: (1.6, 1.4, 1) gives [1] and (5.4, -0.6, -2.4) gives [5, 3, 1].
        assertThat(evaluate("States.ArrayRange(1.6, 1.4, 1)")).isEqualTo(json("[1]"));
        assertThat(evaluate("States.ArrayRange(5.4, -0.6, -2.4)")).isEqualTo(json("[5, 3, 1]"));
    }

    @Test
    void arrayRangeAllowsAtMostOneThousandItems() {
        JsonNode thousand = evaluate("States.ArrayRange(1, 1000, 1)");
        assertThat(thousand).hasSize(1000);
        assertThat(thousand.get(999).intValue()).isEqualTo(1000);
        assertInvalidArguments("States.ArrayRange(1, 1001, 1)", "States.ArrayRange",
                "the range would have 1001 items, more than the limit of 1000");
        assertInvalidArguments("States.ArrayRange(1001, 1, -1)", "States.ArrayRange", "1001 items");
    }

    @Test
    void arrayRangeRejectsAZeroStepAndNonNumbers() {
        assertInvalidArguments("States.ArrayRange(1, 10, 0)", "States.ArrayRange", "argument 3 must be a non-zero step");
        assertInvalidArguments("States.ArrayRange(1, 10, 0.49)", "States.ArrayRange", "argument 3 must be a non-zero step");
        assertInvalidArguments("States.ArrayRange('a', 5, 1)", "States.ArrayRange", "argument 1 must be a number");
    }

    @Test
    void arrayGetItemReturnsTheItemAtTheIndex() {
        assertThat(evaluate("States.ArrayGetItem($.inputArray, $.index)", ONE_TO_NINE).intValue()).isEqualTo(6);
        assertThat(evaluate("States.ArrayGetItem(States.Array('x', 'y', 'z'), 1)").textValue()).isEqualTo("y");
        assertThat(evaluate("States.ArrayGetItem($.a, 0)", "{\"a\": [null]}")).isEqualTo(json("null"));
    }

    @Test
    void arrayGetItemDropsTheFractionOfTheIndex() {
        // Observed on AWS: index 1.2 reads index 1.
        assertThat(evaluate("States.ArrayGetItem($.a, 1.2)", "{\"a\": [10, 20, 30]}").intValue()).isEqualTo(20);
    }

    @Test
    void arrayGetItemRejectsAnIndexOutsideTheArray() {
        assertInvalidArguments("States.ArrayGetItem($.a, 3)", "{\"a\": [10, 20, 30]}", "States.ArrayGetItem",
                "argument 2 must be an index from 0 to 2, but it is the number 3");
        assertInvalidArguments("States.ArrayGetItem($.a, -1)", "{\"a\": [10, 20, 30]}", "States.ArrayGetItem",
                "argument 2 must be an index from 0 to 2");
        assertInvalidArguments("States.ArrayGetItem('not-array', 0)", "States.ArrayGetItem", "argument 1 must be an array");
    }

    @Test
    void arrayGetItemOfAnEmptyArrayIsNull() {
        // Observed on AWS.
        assertThat(evaluate("States.ArrayGetItem($.a, 999)", "{\"a\": []}")).isEqualTo(json("null"));
    }

    @Test
    void arrayLengthCountsTopLevelElements() {
        assertThat(evaluate("States.ArrayLength($.inputArray)", ONE_TO_NINE).intValue()).isEqualTo(9);
        assertThat(evaluate("States.ArrayLength($.a)", "{\"a\": [null, null, true, 1, 1.1, \"x\", [], [null], {\"a\": 1}]}")
                        .intValue())
                .isEqualTo(9);
        assertInvalidArguments("States.ArrayLength($.o)", "{\"o\": {\"k\": 1}}", "States.ArrayLength",
                "argument 1 must be an array, but it is the object {\"k\":1}");
    }

    @Test
    void arrayUniqueRemovesDuplicates() {
        assertThat(evaluate("States.ArrayUnique($.inputArray)", "{\"inputArray\": [1, 2, 3, 3, 3, 3, 3, 3, 4]}"))
                .isEqualTo(json("[1, 2, 3, 4]"));
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": [{\"nested\": {\"x\": 1}}, {\"nested\": {\"x\": 1}}]}"))
                .isEqualTo(json("[{\"nested\": {\"x\": 1}}]"));
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": []}")).isEqualTo(json("[]"));
    }

    @Test
    void arrayUniqueTreatsObjectsWithReorderedKeysAsDuplicates() {
        // Observed on AWS.
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": [{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]}"))
                .isEqualTo(json("[{\"a\": 1, \"b\": 2}]"));
    }

    @Test
    void arrayUniqueReturnsElementsInTheOrderAwsDoes() {
        // Observed on AWS: the order is that of a Java HashSet, not first occurrence.
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": [true, false, true, false]}"))
                .isEqualTo(json("[false, true]"));
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": [[1, 2], [1, 2], [2, 1]]}"))
                .isEqualTo(json("[[2, 1], [1, 2]]"));
        assertThat(evaluate("States.ArrayUnique($.a)", "{\"a\": [\"a\", \"b\", \"a\", \"c\", \"b\"]}"))
                .isEqualTo(json("[\"a\", \"b\", \"c\"]"));
    }

    @Test
    void arrayUniqueRejectsANonArray() {
        assertInvalidArguments("States.ArrayUnique('not-array')", "States.ArrayUnique", "argument 1 must be an array");
    }
}
