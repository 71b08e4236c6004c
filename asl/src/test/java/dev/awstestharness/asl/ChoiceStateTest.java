package dev.awstestharness.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Choice state through the public API: every comparison operator and its {@code Path} form, the type tests, the
 * Boolean combinators, Default, and the errors AWS raises. Expected values follow the Choice state chapter of the
 * Step Functions developer guide and the outcomes recorded from AWS in the conformance corpus (choice_operators).
 */
class ChoiceStateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private Interpreter interpreter;

    @BeforeEach
    void startInterpreter() {
        interpreter = Interpreter.builder().waitScale(0).build();
    }

    @AfterEach
    void closeInterpreter() {
        interpreter.close();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Execution run(String definition, String input) {
        return interpreter.start(StateMachineDefinition.parse(definition),
                ExecutionRequest.of("Machine", "run-" + RUNS.incrementAndGet(), json(input))).await(Duration.ofSeconds(5));
    }

    /** A machine whose Choice state "Check" goes to "Matched" when {@code rule} (a JSON object without Next) holds. */
    private static String machine(String rule) {
        ObjectNode choice = (ObjectNode) json(rule);
        choice.put("Next", "Matched");
        return """
                {
                  "StartAt": "Check",
                  "States": {
                    "Check": {"Type": "Choice", "Choices": [%s], "Default": "NotMatched"},
                    "Matched": {"Type": "Pass", "Result": "matched", "End": true},
                    "NotMatched": {"Type": "Pass", "Result": "not matched", "End": true}
                  }
                }
                """.formatted(choice);
    }

    /** Whether {@code rule} holds for {@code input}; fails when the execution does not succeed. */
    private boolean holds(String rule, String input) {
        Execution execution = run(machine(rule), input);
        assertThat(execution.status()).as("status (error %s: %s)", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        return execution.output().asText().equals("matched");
    }

    /** Whether {@code rule} holds for an input whose {@code v} is {@code value} (JSON text). */
    private boolean holdsFor(String rule, String value) {
        return holds(rule, "{\"v\": " + value + "}");
    }

    @Nested
    class StringOperators {
        @Test
        void stringEqualsMatchesOnlyTheIdenticalString() {
            String rule = "{\"Variable\": \"$.v\", \"StringEquals\": \"Hello\"}";
            assertThat(holdsFor(rule, "\"Hello\"")).isTrue();
            assertThat(holdsFor(rule, "\"hello\"")).isFalse();
            assertThat(holdsFor(rule, "\"Hello \"")).isFalse();
        }

        @Test
        void stringEqualsDistinguishesWhiteSpace() {
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringEquals\": \"\\t\\r\\n\"}", "\"\\t\\n\"")).isFalse();
        }

        @Test
        void stringLessThanComparesLexicographically() {
            String rule = "{\"Variable\": \"$.v\", \"StringLessThan\": \"AB\"}";
            assertThat(holdsFor(rule, "\"A\"")).isTrue();
            assertThat(holdsFor(rule, "\"AB\"")).isFalse();
            assertThat(holdsFor(rule, "\"B\"")).isFalse();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringLessThan\": \"\"}", "\"\"")).isFalse();
        }

        @Test
        void stringComparisonsOrderCharactersByCode() {
            // Java's String.compareTo, as the developer guide says: upper case sorts before lower case
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringLessThan\": \"a\"}", "\"Z\"")).isTrue();
        }

        @Test
        void stringGreaterThanComparesLexicographically() {
            String rule = "{\"Variable\": \"$.v\", \"StringGreaterThan\": \"AB\"}";
            assertThat(holdsFor(rule, "\"ABC\"")).isTrue();
            assertThat(holdsFor(rule, "\"AB\"")).isFalse();
            assertThat(holdsFor(rule, "\"A\"")).isFalse();
        }

        @Test
        void stringLessThanEqualsIncludesEquality() {
            String rule = "{\"Variable\": \"$.v\", \"StringLessThanEquals\": \"A\"}";
            assertThat(holdsFor(rule, "\"A\"")).isTrue();
            assertThat(holdsFor(rule, "\"AB\"")).isFalse();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringLessThanEquals\": \"\"}", "\"\"")).isTrue();
        }

        @Test
        void stringGreaterThanEqualsIncludesEquality() {
            String rule = "{\"Variable\": \"$.v\", \"StringGreaterThanEquals\": \"A\"}";
            assertThat(holdsFor(rule, "\"AB\"")).isTrue();
            assertThat(holdsFor(rule, "\"A\"")).isTrue();
            assertThat(holdsFor(rule, "\"0\"")).isFalse();
        }

        @Test
        void stringOperatorsAreFalseForValuesThatAreNotStrings() {
            String rule = "{\"Variable\": \"$.v\", \"StringEquals\": \"HelloWorld\"}";
            for (String value : new String[] {"null", "1", "1.1", "true", "[]", "[\"\"]", "{}", "{\"A\": 0}"}) {
                assertThat(holdsFor(rule, value)).as("StringEquals on %s", value).isFalse();
            }
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringLessThan\": \"2\"}", "1")).isFalse();
        }
    }

    @Nested
    class StringMatches {
        @Test
        void anAsteriskMatchesAnyRunOfCharacters() {
            String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"log-*.txt\"}";
            assertThat(holdsFor(rule, "\"log-2024-01-01.txt\"")).isTrue();
            assertThat(holdsFor(rule, "\"log-.txt\"")).isTrue();
            assertThat(holdsFor(rule, "\"log-1.csv\"")).isFalse();
            assertThat(holdsFor(rule, "\"my-log-1.txt\"")).isFalse();
        }

        @Test
        void severalAsterisksCanBeUsed() {
            String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"foo*.*\"}";
            assertThat(holdsFor(rule, "\"foobar.zebra\"")).isTrue();
            assertThat(holdsFor(rule, "\"foobar\"")).isFalse();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringMatches\": \"*.log\"}", "\"zebra.log\"")).isTrue();
        }

        @Test
        void aLoneAsteriskMatchesEveryStringIncludingTheEmptyOne() {
            String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"*\"}";
            assertThat(holdsFor(rule, "\"\"")).isTrue();
            assertThat(holdsFor(rule, "\"anything at all\"")).isTrue();
        }

        @Test
        void withoutAsteriskTheWholeStringMustBeEqual() {
            String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"exact\"}";
            assertThat(holdsFor(rule, "\"exact\"")).isTrue();
            assertThat(holdsFor(rule, "\"exactly\"")).isFalse();
        }

        @Test
        void anEscapedAsteriskMatchesOnlyAnAsterisk() {
            // the JSON text "a\\*b" is the pattern a\*b
            String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*b\"}";
            assertThat(holdsFor(rule, "\"a*b\"")).isTrue();
            assertThat(holdsFor(rule, "\"axb\"")).isFalse();
            assertThat(holdsFor(rule, "\"ab\"")).isFalse();
        }

        @Test
        void otherCharactersHaveNoSpecialMeaning() {
            String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"a.?[b]*\"}";
            assertThat(holdsFor(rule, "\"a.?[b]c\"")).isTrue();
            assertThat(holdsFor(rule, "\"ax?[b]c\"")).isFalse();
        }

        @Test
        void stringMatchesIsFalseForANonString() {
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"StringMatches\": \"*\"}", "5")).isFalse();
        }
    }

    @Nested
    class NumericOperators {
        @Test
        void numericEqualsComparesIntegersAndDecimalsByValue() {
            String rule = "{\"Variable\": \"$.v\", \"NumericEquals\": 0}";
            assertThat(holdsFor(rule, "0")).isTrue();
            assertThat(holdsFor(rule, "0.0")).isTrue();
            assertThat(holdsFor(rule, "1")).isFalse();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"NumericEquals\": 1.0}", "1")).isTrue();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"NumericEquals\": 2.22}", "2.22")).isTrue();
        }

        @Test
        void numericEqualsIsFalseForAStringVariable() {
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"NumericEquals\": 1}", "\"1\"")).isFalse();
        }

        @Test
        void numericOperatorsAreFalseForValuesThatAreNotNumbers() {
            String rule = "{\"Variable\": \"$.v\", \"NumericEquals\": 0}";
            for (String value : new String[] {"null", "false", "\"\"", "\" \"", "[]", "[\"\"]", "{}", "{\"A\": 0}"}) {
                assertThat(holdsFor(rule, value)).as("NumericEquals on %s", value).isFalse();
            }
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"NumericEquals\": 1}", "true")).isFalse();
        }

        @Test
        void numericLessThanIsStrict() {
            String rule = "{\"Variable\": \"$.v\", \"NumericLessThan\": 1}";
            assertThat(holdsFor(rule, "0")).isTrue();
            assertThat(holdsFor(rule, "0.999")).isTrue();
            assertThat(holdsFor(rule, "1")).isFalse();
            assertThat(holdsFor(rule, "-5")).isTrue();
        }

        @Test
        void numericGreaterThanIsStrict() {
            String rule = "{\"Variable\": \"$.v\", \"NumericGreaterThan\": 0}";
            assertThat(holdsFor(rule, "1")).isTrue();
            assertThat(holdsFor(rule, "0.0")).isFalse();
            assertThat(holdsFor(rule, "-1")).isFalse();
        }

        @Test
        void numericLessThanEqualsIncludesEquality() {
            String rule = "{\"Variable\": \"$.v\", \"NumericLessThanEquals\": 0}";
            assertThat(holdsFor(rule, "0")).isTrue();
            assertThat(holdsFor(rule, "0.0")).isTrue();
            assertThat(holdsFor(rule, "1")).isFalse();
        }

        @Test
        void numericGreaterThanEqualsIncludesEquality() {
            String rule = "{\"Variable\": \"$.v\", \"NumericGreaterThanEquals\": 1}";
            assertThat(holdsFor(rule, "1")).isTrue();
            assertThat(holdsFor(rule, "1.5")).isTrue();
            assertThat(holdsFor(rule, "0")).isFalse();
        }

        @Test
        void numericComparisonsHandleLargeAndFractionalNumbers() {
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"NumericGreaterThan\": 9007199254740990}", "9007199254740991")).isTrue();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"NumericLessThan\": 0.3}", "0.1")).isTrue();
        }
    }

    @Nested
    class BooleanOperators {
        @Test
        void booleanEqualsComparesBooleans() {
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"BooleanEquals\": true}", "true")).isTrue();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"BooleanEquals\": true}", "false")).isFalse();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"BooleanEquals\": false}", "false")).isTrue();
        }

        @Test
        void booleanEqualsIsFalseForValuesThatAreNotBooleans() {
            for (String value : new String[] {"null", "0", "1", "\"true\"", "\"\"", "[]", "{}"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"BooleanEquals\": false}", value))
                        .as("BooleanEquals false on %s", value).isFalse();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"BooleanEquals\": true}", value))
                        .as("BooleanEquals true on %s", value).isFalse();
            }
        }
    }

    @Nested
    class TimestampOperators {
        @Test
        void timestampEqualsComparesInstants() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampEquals\": \"2016-08-18T17:33:00Z\"}";
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00Z\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:01Z\"")).isFalse();
        }

        @Test
        void timestampsInOtherTimeZonesAreComparedAsInstants() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampEquals\": \"2016-08-18T17:33:00Z\"}";
            assertThat(holdsFor(rule, "\"2016-08-18T19:33:00+02:00\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T12:33:00-05:00\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00+01:00\"")).isFalse();
        }

        @Test
        void timestampLessThanIsStrict() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampLessThan\": \"2016-08-18T17:33:00Z\"}";
            assertThat(holdsFor(rule, "\"2016-08-18T17:32:59Z\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T18:00:00+01:00\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00Z\"")).isFalse();
        }

        @Test
        void timestampGreaterThanIsStrict() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampGreaterThan\": \"2016-08-18T17:33:00Z\"}";
            assertThat(holdsFor(rule, "\"2016-08-18T12:00:00-06:00\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00Z\"")).isFalse();
            assertThat(holdsFor(rule, "\"2015-12-31T23:59:59Z\"")).isFalse();
        }

        @Test
        void timestampLessThanEqualsIncludesEquality() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampLessThanEquals\": \"2016-08-18T17:33:00Z\"}";
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00Z\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00.001Z\"")).isFalse();
        }

        @Test
        void timestampGreaterThanEqualsIncludesEquality() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampGreaterThanEquals\": \"2016-08-18T17:33:00Z\"}";
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00Z\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:33:00.5Z\"")).isTrue();
            assertThat(holdsFor(rule, "\"2016-08-18T17:32:00Z\"")).isFalse();
        }

        @Test
        void timestampOperatorsAreFalseForValuesThatAreNotTimestamps() {
            String rule = "{\"Variable\": \"$.v\", \"TimestampLessThan\": \"2030-01-01T00:00:00Z\"}";
            for (String value : new String[] {"\"yesterday\"", "\"2016-08-18\"", "\"2016-08-18T17:33:00\"", "1471541580", "null", "{}"}) {
                assertThat(holdsFor(rule, value)).as("TimestampLessThan on %s", value).isFalse();
            }
        }
    }

    @Nested
    class PathForms {
        private boolean holdsBetween(String operator, String variable, String value) {
            return holds("{\"Variable\": \"$.v\", \"" + operator + "\": \"$.w\"}", "{\"v\": " + variable + ", \"w\": " + value + "}");
        }

        @Test
        void stringPathOperatorsCompareWithTheValueAtThePath() {
            assertThat(holdsBetween("StringEqualsPath", "\"a\"", "\"a\"")).isTrue();
            assertThat(holdsBetween("StringEqualsPath", "\"\\t\\n\"", "\"\\t\\r\\n\"")).isFalse();
            assertThat(holdsBetween("StringLessThanPath", "\"\"", "\"\"")).isFalse();
            assertThat(holdsBetween("StringLessThanPath", "\"a\"", "\"b\"")).isTrue();
            assertThat(holdsBetween("StringGreaterThanPath", "\"A\"", "\"A \"")).isFalse();
            assertThat(holdsBetween("StringGreaterThanPath", "\"b\"", "\"a\"")).isTrue();
            assertThat(holdsBetween("StringLessThanEqualsPath", "\"\"", "\"\"")).isTrue();
            assertThat(holdsBetween("StringLessThanEqualsPath", "\"AB\"", "\"A\"")).isFalse();
            assertThat(holdsBetween("StringGreaterThanEqualsPath", "\"A\"", "\"AB\"")).isFalse();
            assertThat(holdsBetween("StringGreaterThanEqualsPath", "\"AB\"", "\"AB\"")).isTrue();
        }

        @Test
        void numericPathOperatorsCompareWithTheValueAtThePath() {
            assertThat(holdsBetween("NumericEqualsPath", "1", "1.0")).isTrue();
            assertThat(holdsBetween("NumericEqualsPath", "0.0", "1")).isFalse();
            assertThat(holdsBetween("NumericLessThanPath", "0", "0")).isFalse();
            assertThat(holdsBetween("NumericLessThanPath", "0", "1")).isTrue();
            assertThat(holdsBetween("NumericGreaterThanPath", "1", "0")).isTrue();
            assertThat(holdsBetween("NumericGreaterThanPath", "1", "1")).isFalse();
            assertThat(holdsBetween("NumericLessThanEqualsPath", "0.0", "0")).isTrue();
            assertThat(holdsBetween("NumericLessThanEqualsPath", "2", "1")).isFalse();
            assertThat(holdsBetween("NumericGreaterThanEqualsPath", "1", "1")).isTrue();
            assertThat(holdsBetween("NumericGreaterThanEqualsPath", "0", "1")).isFalse();
        }

        @Test
        void numericPathOperatorsAreFalseForAVariableThatIsNotANumber() {
            assertThat(holdsBetween("NumericEqualsPath", "null", "0")).isFalse();
            assertThat(holdsBetween("NumericEqualsPath", "true", "1")).isFalse();
            assertThat(holdsBetween("NumericEqualsPath", "[\"\"]", "0")).isFalse();
        }

        @Test
        void booleanEqualsPathComparesWithTheValueAtThePath() {
            assertThat(holdsBetween("BooleanEqualsPath", "true", "true")).isTrue();
            assertThat(holdsBetween("BooleanEqualsPath", "false", "false")).isTrue();
            assertThat(holdsBetween("BooleanEqualsPath", "false", "true")).isFalse();
            assertThat(holdsBetween("BooleanEqualsPath", "1", "true")).isFalse();
            assertThat(holdsBetween("BooleanEqualsPath", "\"HelloWorld\"", "false")).isFalse();
        }

        @Test
        void timestampPathOperatorsCompareWithTheValueAtThePath() {
            assertThat(holdsBetween("TimestampEqualsPath", "\"2016-08-18T17:33:00Z\"", "\"2016-08-18T19:33:00+02:00\"")).isTrue();
            assertThat(holdsBetween("TimestampLessThanPath", "\"2016-08-18T17:33:00Z\"", "\"2016-08-18T17:34:00Z\"")).isTrue();
            assertThat(holdsBetween("TimestampGreaterThanPath", "\"2016-08-18T17:33:00Z\"", "\"2016-08-18T17:34:00Z\"")).isFalse();
            assertThat(holdsBetween("TimestampLessThanEqualsPath", "\"2016-08-18T17:33:00Z\"", "\"2016-08-18T17:33:00Z\"")).isTrue();
            assertThat(holdsBetween("TimestampGreaterThanEqualsPath", "\"2016-08-18T17:33:00Z\"", "\"2016-08-18T18:33:00+02:00\"")).isTrue();
        }

        @Test
        void aValuePathIntoTheContextObjectIsAllowed() {
            assertThat(holds("{\"Variable\": \"$.name\", \"StringEqualsPath\": \"$$.State.Name\"}", "{\"name\": \"Check\"}")).isTrue();
        }

        @Test
        void aMissingValuePathFailsTheExecutionWithStatesRuntime() {
            Execution execution = run(machine("{\"Variable\": \"$.v\", \"NumericEqualsPath\": \"$.limit\"}"), "{\"v\": 1}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Check' (entered at the event id #2). "
                    + "Invalid path '$.limit' : No results for path: $['limit']");
        }
    }

    @Nested
    class TypeTests {
        @Test
        void isPresentIsTrueForEveryValueThatExistsIncludingNull() {
            for (String value : new String[] {"\"\"", "null", "0.0", "false", "[]", "{}"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsPresent\": true}", value)).as("IsPresent true on %s", value).isTrue();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsPresent\": false}", value)).as("IsPresent false on %s", value).isFalse();
            }
        }

        @Test
        void isPresentIsFalseForAMissingFieldWithoutFailing() {
            assertThat(holds("{\"Variable\": \"$.v\", \"IsPresent\": true}", "{}")).isFalse();
            assertThat(holds("{\"Variable\": \"$.v\", \"IsPresent\": false}", "{}")).isTrue();
            assertThat(holds("{\"Variable\": \"$.a.b.c\", \"IsPresent\": true}", "{\"a\": {}}")).isFalse();
        }

        @Test
        void isNullTellsNullFromEverythingElse() {
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNull\": true}", "null")).isTrue();
            assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNull\": false}", "null")).isFalse();
            for (String value : new String[] {"0", "\"\"", "\" \"", "false", "[]", "[\"\"]", "{}"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNull\": true}", value)).as("IsNull true on %s", value).isFalse();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNull\": false}", value)).as("IsNull false on %s", value).isTrue();
            }
        }

        @Test
        void isNumericTellsNumbersFromEverythingElse() {
            for (String value : new String[] {"0", "0.0", "1.1", "-3"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNumeric\": true}", value)).as("IsNumeric true on %s", value).isTrue();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNumeric\": false}", value)).as("IsNumeric false on %s", value).isFalse();
            }
            for (String value : new String[] {"null", "\"1\"", "\" \"", "true", "[]", "{\"A\": 0}"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNumeric\": true}", value)).as("IsNumeric true on %s", value).isFalse();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsNumeric\": false}", value)).as("IsNumeric false on %s", value).isTrue();
            }
        }

        @Test
        void isStringTellsStringsFromEverythingElse() {
            for (String value : new String[] {"\"\"", "\"HelloWorld\"", "\"2012-10-09T19:00:55\""}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsString\": true}", value)).as("IsString true on %s", value).isTrue();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsString\": false}", value)).as("IsString false on %s", value).isFalse();
            }
            for (String value : new String[] {"null", "0", "1.1", "false", "[]", "{}"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsString\": true}", value)).as("IsString true on %s", value).isFalse();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsString\": false}", value)).as("IsString false on %s", value).isTrue();
            }
        }

        @Test
        void isBooleanTellsBooleansFromEverythingElse() {
            for (String value : new String[] {"true", "false"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsBoolean\": true}", value)).as("IsBoolean true on %s", value).isTrue();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsBoolean\": false}", value)).as("IsBoolean false on %s", value).isFalse();
            }
            for (String value : new String[] {"\"HelloWorld\"", "\"true\"", "0", "1.1", "[]", "{\"A\": 0}"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsBoolean\": true}", value)).as("IsBoolean true on %s", value).isFalse();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsBoolean\": false}", value)).as("IsBoolean false on %s", value).isTrue();
            }
        }

        @Test
        void isTimestampAcceptsRfc3339TimestampsWithZoneOrOffset() {
            for (String value : new String[] {"\"2016-08-18T17:33:00Z\"", "\"2016-08-18T17:33:00.123+05:30\"", "\"2016-08-18T17:33:00-07:00\""}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", value)).as("IsTimestamp true on %s", value).isTrue();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsTimestamp\": false}", value)).as("IsTimestamp false on %s", value).isFalse();
            }
        }

        @Test
        void isTimestampRejectsDatesTimesWithoutOffsetAndNonStrings() {
            for (String value : new String[] {"\"2016-08-18\"", "\"2016-08-18T17:33:00\"", "\"yesterday\"", "1471541580", "null"}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", value)).as("IsTimestamp true on %s", value).isFalse();
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsTimestamp\": false}", value)).as("IsTimestamp false on %s", value).isTrue();
            }
        }
        @Test
        void isTimestampRequiresUppercaseSeparatorsAndSeconds() {
            // the developer guide: RFC 3339 with an uppercase T between date and time and an uppercase Z for UTC
            for (String value : new String[] {"\"2016-08-18t17:33:00Z\"", "\"2016-08-18T17:33:00z\"", "\"2016-08-18T17:33Z\""}) {
                assertThat(holdsFor("{\"Variable\": \"$.v\", \"IsTimestamp\": true}", value)).as("IsTimestamp true on %s", value).isFalse();
            }
        }
    }

    @Nested
    class Combinators {
        @Test
        void andHoldsWhenEveryRuleHolds() {
            String rule = """
                    {"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20}, {"Variable": "$.value", "NumericLessThan": 30}]}
                    """;
            assertThat(holds(rule, "{\"value\": 22}")).isTrue();
            assertThat(holds(rule, "{\"value\": 30}")).isFalse();
            assertThat(holds(rule, "{\"value\": 19}")).isFalse();
        }

        @Test
        void anAndWithOneRuleIsThatRule() {
            assertThat(holds("{\"And\": [{\"Variable\": \"$.type\", \"StringEquals\": \"Public\"}]}", "{\"type\": \"Public\"}")).isTrue();
        }

        @Test
        void orHoldsWhenAnyRuleHolds() {
            String rule = """
                    {"Or": [{"Variable": "$.kind", "StringEquals": "a"}, {"Variable": "$.kind", "StringEquals": "b"}]}
                    """;
            assertThat(holds(rule, "{\"kind\": \"a\"}")).isTrue();
            assertThat(holds(rule, "{\"kind\": \"b\"}")).isTrue();
            assertThat(holds(rule, "{\"kind\": \"c\"}")).isFalse();
        }

        @Test
        void notInvertsItsRule() {
            String rule = "{\"Not\": {\"Variable\": \"$.type\", \"StringEquals\": \"Private\"}}";
            assertThat(holds(rule, "{\"type\": \"Public\"}")).isTrue();
            assertThat(holds(rule, "{\"type\": \"Private\"}")).isFalse();
        }

        @Test
        void notOfIsPresentGuardsAMissingField() {
            assertThat(holds("{\"Not\": {\"Variable\": \"$.missing\", \"IsPresent\": true}}", "{}")).isTrue();
        }

        @Test
        void combinatorsNest() {
            String rule = """
                    {"Or": [
                      {"And": [{"Variable": "$.n", "IsNumeric": true}, {"Not": {"Variable": "$.n", "NumericEquals": 0}}]},
                      {"And": [{"Variable": "$.s", "IsString": true}, {"Not": {"Or": [
                        {"Variable": "$.s", "StringEquals": ""}, {"Variable": "$.s", "StringMatches": "skip*"}]}}]}
                    ]}
                    """;
            assertThat(holds(rule, "{\"n\": 3, \"s\": \"\"}")).isTrue();
            assertThat(holds(rule, "{\"n\": 0, \"s\": \"keep\"}")).isTrue();
            assertThat(holds(rule, "{\"n\": 0, \"s\": \"skip me\"}")).isFalse();
            assertThat(holds(rule, "{\"n\": \"3\", \"s\": \"\"}")).isFalse();
        }

        @Test
        void theAwsGuideExampleGoesToValueInTwenties() {
            Execution execution = run("""
                    {
                      "StartAt": "ChoiceStateX",
                      "States": {
                        "ChoiceStateX": {
                          "Type": "Choice",
                          "Choices": [
                            {"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"},
                            {"Variable": "$.value", "NumericEquals": 0, "Next": "ValueIsZero"},
                            {"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20}, {"Variable": "$.value", "NumericLessThan": 30}],
                             "Next": "ValueInTwenties"}
                          ],
                          "Default": "DefaultState"
                        },
                        "Public": {"Type": "Pass", "Result": "Public", "End": true},
                        "ValueIsZero": {"Type": "Pass", "Result": "ValueIsZero", "End": true},
                        "ValueInTwenties": {"Type": "Pass", "Result": "ValueInTwenties", "End": true},
                        "DefaultState": {"Type": "Fail", "Cause": "No Matches!"}
                      }
                    }
                    """, "{\"type\": \"Private\", \"value\": 22}");
            assertThat(execution.output()).isEqualTo(json("\"ValueInTwenties\""));
        }
    }

    @Nested
    class Transitions {
        private static final String MACHINE = """
                {
                  "StartAt": "Route",
                  "States": {
                    "Route": {
                      "Type": "Choice",
                      "Choices": [
                        {"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"},
                        {"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Small"}
                      ]%s
                    },
                    "Big": {"Type": "Pass", "Result": "big", "End": true},
                    "Small": {"Type": "Pass", "Result": "small", "End": true},
                    "Other": {"Type": "Pass", "Result": "other", "End": true}
                  }
                }
                """;

        @Test
        void theFirstMatchingRuleWins() {
            Execution execution = run(MACHINE.formatted(", \"Default\": \"Other\""), "{\"n\": 11}");
            assertThat(execution.output()).isEqualTo(json("\"big\""));
            assertThat(execution.history()).extracting(HistoryEvent::type)
                    .containsSubsequence("ChoiceStateEntered", "ChoiceStateExited", "PassStateEntered");
        }

        @Test
        void defaultIsTakenWhenNoRuleMatches() {
            assertThat(run(MACHINE.formatted(", \"Default\": \"Other\""), "{\"n\": -1}").output()).isEqualTo(json("\"other\""));
        }

        @Test
        void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
            Execution execution = run("""
                    {
                      "StartAt": "Route",
                      "States": {
                        "Route": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 0, "Next": "Positive"}]},
                        "Positive": {"Type": "Succeed"}
                      }
                    }
                    """, "{\"n\": -1}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.NoChoiceMatched");
        }

        @Test
        void aMissingVariableFailsTheExecutionWithStatesRuntime() {
            Execution execution = run(machine("{\"Variable\": \"$.x\", \"StringEquals\": \"a\"}"), "{\"y\": 1}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).isEqualTo("An error occurred while executing the state 'Check' (entered at the event id #2). "
                    + "Invalid path '$.x' : No results for path: $['x']");
        }

        @Test
        void aMissingVariableCannotBeCaughtByTheMachine() {
            // a Choice state has no Catch, and States.Runtime also escapes a Parallel state's States.ALL catcher
            Execution execution = run("""
                    {
                      "StartAt": "P",
                      "States": {
                        "P": {
                          "Type": "Parallel",
                          "Branches": [{
                            "StartAt": "Check",
                            "States": {
                              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": false, "Next": "Done"}]},
                              "Done": {"Type": "Succeed"}
                            }
                          }],
                          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],
                          "End": true
                        },
                        "Caught": {"Type": "Succeed"}
                      }
                    }
                    """, "{}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).contains("'Check'", "Invalid path '$.x' : No results for path: $['x']");
        }
    }

    @Nested
    class ContextAndFilters {
        @Test
        void aVariableCanReadTheContextObject() {
            // recorded from AWS: test_context_object.py::test_variable
            Execution execution = run("""
                    {
                      "StartAt": "TestState",
                      "States": {
                        "TestState": {
                          "Type": "Choice",
                          "Choices": [{"Variable": "$$.Execution.Input.input-value", "NumericLessThanEquals": 0, "Next": "QuitChoiceMatched"}],
                          "Default": "QuitNoChoiceMatched"
                        },
                        "QuitChoiceMatched": {"Type": "Pass", "Result": "matched", "End": true},
                        "QuitNoChoiceMatched": {"Type": "Pass", "End": true}
                      }
                    }
                    """, "{\"input-value\": 0}");
            assertThat(execution.output()).isEqualTo(json("\"matched\""));
        }

        @Test
        void theWholeInputCanBeTheVariable() {
            Execution execution = run("""
                    {
                      "StartAt": "Three",
                      "States": {
                        "Three": {"Type": "Pass", "Result": 3, "Next": "Check"},
                        "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 3, "Next": "Matched"}], "Default": "Other"},
                        "Matched": {"Type": "Pass", "Result": "matched", "End": true},
                        "Other": {"Type": "Pass", "Result": "other", "End": true}
                      }
                    }
                    """, "{}");
            assertThat(execution.output()).isEqualTo(json("\"matched\""));
        }

        @Test
        void contextFieldsOfTheExecutionAndStateCanBeCompared() {
            assertThat(holds("{\"Variable\": \"$$.State.Name\", \"StringEquals\": \"Check\"}", "{}")).isTrue();
            assertThat(holds("{\"Variable\": \"$$.StateMachine.Name\", \"StringEquals\": \"Machine\"}", "{}")).isTrue();
            assertThat(holds("{\"Variable\": \"$$.Execution.StartTime\", \"IsTimestamp\": true}", "{}")).isTrue();
        }

        @Test
        void inputPathSelectsWhatTheRulesSeeAndWhatIsPassedOn() {
            Execution execution = run("""
                    {
                      "StartAt": "Check",
                      "States": {
                        "Check": {
                          "Type": "Choice",
                          "InputPath": "$.order",
                          "Choices": [{"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Large"}],
                          "Default": "Small"
                        },
                        "Large": {"Type": "Pass", "End": true},
                        "Small": {"Type": "Fail", "Error": "Small"}
                      }
                    }
                    """, "{\"order\": {\"total\": 150}, \"customer\": \"c-1\"}");
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo(json("{\"total\": 150}"));
        }

        @Test
        void outputPathFiltersTheOutputOfTheChoice() {
            Execution execution = run("""
                    {
                      "StartAt": "Check",
                      "States": {
                        "Check": {
                          "Type": "Choice",
                          "OutputPath": "$.customer",
                          "Choices": [{"Variable": "$.order.total", "NumericGreaterThan": 100, "Next": "Large"}],
                          "Default": "Large"
                        },
                        "Large": {"Type": "Pass", "End": true}
                      }
                    }
                    """, "{\"order\": {\"total\": 150}, \"customer\": \"c-1\"}");
            assertThat(execution.output()).isEqualTo(json("\"c-1\""));
        }

        @Test
        void inputPathAndOutputPathCombine() {
            Execution execution = run("""
                    {
                      "StartAt": "Check",
                      "States": {
                        "Check": {
                          "Type": "Choice",
                          "InputPath": "$.order",
                          "OutputPath": "$.items[0]",
                          "Choices": [{"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Large"}],
                          "Default": "Large"
                        },
                        "Large": {"Type": "Pass", "End": true}
                      }
                    }
                    """, "{\"order\": {\"total\": 150, \"items\": [\"book\", \"pen\"]}}");
            assertThat(execution.output()).isEqualTo(json("\"book\""));
        }

        @Test
        void aChoiceWithoutFiltersPassesItsInputOnUnchanged() {
            Execution execution = run(machine("{\"Variable\": \"$.v\", \"IsPresent\": true}")
                    .replace("\"Matched\": {\"Type\": \"Pass\", \"Result\": \"matched\", \"End\": true}", "\"Matched\": {\"Type\": \"Succeed\"}"),
                    "{\"v\": [1, {\"a\": null}]}");
            assertThat(execution.output()).isEqualTo(json("{\"v\": [1, {\"a\": null}]}"));
        }
    }
}
