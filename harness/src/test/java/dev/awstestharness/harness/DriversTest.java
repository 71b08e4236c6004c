package dev.awstestharness.harness;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@AwsTestHarness(template = TestTemplate.PATH)
class DriversTest {
    @Nested
    class S3Buckets {
        @Test
        void putGetListExistsAndDelete(TestHarness harness) {
            S3Bucket bucket = harness.s3Bucket("Alpha");
            bucket.put("b/2.txt", "two");
            bucket.put("a.txt", "één");
            bucket.put("b/1.txt", "one");

            assertThat(bucket.get("a.txt")).isEqualTo("één");
            assertThat(bucket.list()).containsExactly("a.txt", "b/1.txt", "b/2.txt");
            assertThat(bucket.list("b/")).containsExactly("b/1.txt", "b/2.txt");
            assertThat(bucket.exists("b/1.txt")).isTrue();

            bucket.delete("b/1.txt");
            for (String key : bucket.list()) bucket.delete(key);

            assertThat(bucket.exists("b/1.txt")).isFalse();
            assertThat(bucket.list()).isEmpty();
            assertThat(harness.s3Bucket("Beta").name()).isNotEqualTo(bucket.name());
        }

        @Test
        void gettingAMissingObjectFailsNamingTheBucketAndItsKeys(TestHarness harness) {
            S3Bucket bucket = harness.s3Bucket("Beta");
            bucket.put("present.txt", "here");
            try {
                assertThatThrownBy(() -> bucket.get("absent.txt"))
                        .isInstanceOf(AssertionError.class)
                        .hasMessage("The S3 bucket double 'Beta' (bucket " + bucket.name() + ") has no object 'absent.txt'; it has [present.txt]");
            } finally {
                bucket.delete("present.txt");
            }
        }

        @Test
        void anUndeclaredBucketIsNamedWithTheDeclaredOnes(TestHarness harness) {
            assertThatThrownBy(() -> harness.s3Bucket("Gamma"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("There is no S3 bucket double 'Gamma'")
                    .hasMessageContaining("declares Alpha, Beta (parameter AWSTestHarnessS3Buckets)");
        }
    }

    @Nested
    class DynamoDbTables {
        @Test
        void putGetScanDeleteAndEmpty(TestHarness harness) {
            DynamoDbTable table = harness.dynamoDbTable("Alpha");
            table.empty();
            table.put(Map.of("PK", "a", "SK", 1, "text", "hello", "flag", true, "nested", Map.of("list", List.of(1, "x")), "nothing",
                    json("null")));
            table.put(Map.of("PK", "a", "SK", 2));

            assertThat(table.get(Map.of("PK", "a", "SK", 1))).isEqualTo(json(
                    "{\"PK\": \"a\", \"SK\": 1, \"text\": \"hello\", \"flag\": true, \"nested\": {\"list\": [1, \"x\"]}, \"nothing\": null}"));
            assertThat(table.get(Map.of("PK", "a", "SK", 3))).isNull();
            assertThat(table.scan()).hasSize(2);

            table.delete(Map.of("PK", "a", "SK", 2));
            assertThat(table.scan()).singleElement().satisfies(item -> assertThat(item.get("SK").asInt()).isEqualTo(1));

            table.empty();
            assertThat(table.scan()).isEmpty();
        }

        @Test
        void numbersAreExact(TestHarness harness) {
            DynamoDbTable table = harness.dynamoDbTable("Beta");
            table.put(Map.of("ID", "numbers", "big", new BigDecimal("12345678901234567890.123456789"), "long", 9007199254740993L,
                    "decimal", 0.1, "fromJson", json("1.25")));

            var item = table.get(Map.of("ID", "numbers"));

            assertThat(item.get("big").decimalValue()).isEqualByComparingTo("12345678901234567890.123456789");
            assertThat(item.get("long").longValue()).isEqualTo(9007199254740993L);
            assertThat(item.get("decimal")).isEqualTo(json("0.1"));
            assertThat(item.get("fromJson")).isEqualTo(json("1.25"));
            table.delete(Map.of("ID", "numbers"));
        }

        @Test
        void aKeyThatDoesNotMatchTheDeclaredKeyIsNamed(TestHarness harness) {
            assertThatThrownBy(() -> harness.dynamoDbTable("Alpha").get(Map.of("PK", "a")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not match the key of the DynamoDB table double 'Alpha'")
                    .hasMessageContaining("partition key PK (S), sort key SK (N); it lacks SK");
        }
    }

    @Nested
    class StateMachines {
        @Test
        void executesAStateMachineUnderTestDefinedInTheTemplate(TestHarness harness) {
            var execution = harness.stateMachine("Echo").execute(Map.of("hello", "world"));

            assertThat(execution.status()).isEqualTo("SUCCEEDED");
            assertThat(execution.isRunning()).isFalse();
            assertThat(execution.output()).isEqualTo(json("{\"input\": {\"hello\": \"world\"}, \"bucket\": \"" + harness.s3Bucket("Beta").name()
                    + "\", \"where\": \"us-east-1/123456789012\", \"table\": \"" + harness.dynamoDbTable("Alpha").name() + "\"}"));
            assertThat(harness.stateMachine("Echo").arn()).endsWith(":stateMachine:aws-test-harness-local-echo");
            assertThat(execution.history()).extracting(ExecutionEvent::type).startsWith("ExecutionStarted").endsWith("ExecutionSucceeded");
        }

        @Test
        void anExpressExecutionThatFailsIsDescribedToo(TestHarness harness) {
            var execution = harness.stateMachine("Echo").execute(Map.of("big", "x".repeat(262_100)));

            assertThat(execution.status()).isEqualTo("FAILED");
            assertThat(execution.failure().error()).isEqualTo("States.DataLimitExceeded");
        }

        @Test
        void acceptsJsonTextAsInput(TestHarness harness) {
            assertThat(harness.stateMachine("Echo").execute("{\"text\": 1}").output().get("input")).isEqualTo(json("{\"text\": 1}"));
            assertThatThrownBy(() -> harness.stateMachine("Echo").execute("not json"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The input of Echo is a String that is not JSON");
        }

        @Test
        void assertSucceededNamesTheStatusTheFailedStateTheErrorAndTheCause(TestHarness harness) {
            var execution = harness.stateMachine("Tiny").execute(Map.of("kind", "unknown"));

            assertThatThrownBy(execution::assertSucceeded)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected the execution '" + execution.arn().substring(execution.arn().lastIndexOf(':') + 1)
                            + "' of Tiny (" + execution.arn() + ") to succeed, but it FAILED in state 'Give up' with error 'Tiny.GaveUp' and "
                            + "cause 'the input's kind is not one the state machine knows'");
            assertThat(execution.failure()).isEqualTo(ExecutionFailure.of("Tiny.GaveUp", "the input's kind is not one the state machine knows"));
            assertThatThrownBy(execution::output).isInstanceOf(AssertionError.class).hasMessageContaining("has no output: it FAILED");
        }

        @Test
        void assertSucceededNamesTheTaskStateThatFailed(TestHarness harness) {
            harness.twinLambdaFunction("Alpha", event -> ThrownException.withMessage("boom").ofType("Kaput"));

            var execution = harness.stateMachine("Tiny").execute(Map.of("kind", "lambda", "payload", Map.of()));

            assertThatThrownBy(execution::assertSucceeded)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("but it FAILED in state 'Invoke Alpha' with error 'Kaput' and cause '{")
                    .hasMessageContaining("boom");
        }

        @Test
        void failureOfASucceededExecutionSaysSo(TestHarness harness) {
            var execution = harness.stateMachine("Echo").execute(Map.of());

            assertThatThrownBy(execution::failure)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("has no failure: it SUCCEEDED with output {");
        }

        @Test
        void executeFailsAfterTheTimeoutNamingTheStateItIsIn(TestHarness harness) {
            harness.twinStateMachine("Alpha", input -> {
                Thread.sleep(1_000);
                return Map.of();
            });

            assertThatThrownBy(() -> harness.stateMachine("Tiny").execute(Map.of("kind", "stateMachine", "payload", Map.of()),
                    Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("was still RUNNING after 100 ms, in state 'Run Alpha state machine'");
        }

        @Test
        void startExecutionReturnsAtOnceAndTheHistoryCanBeRead(TestHarness harness) throws Exception {
            harness.twinStateMachine("Alpha", input -> {
                Thread.sleep(200);
                return Map.of("late", true);
            });

            var execution = harness.stateMachine("Tiny").startExecution(Map.of("kind", "stateMachine", "payload", Map.of()));

            assertThat(execution.isRunning()).isTrue();
            assertThatThrownBy(execution::assertSucceeded).hasMessageContaining("is still RUNNING, in state 'Run Alpha state machine'");
            execution.awaitCompletion(Duration.ofSeconds(10)).assertSucceeded();
            List<ExecutionEvent> history = execution.history();
            assertThat(history.get(0).type()).isEqualTo("ExecutionStarted");
            assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionSucceeded");
            assertThat(history).filteredOn(event -> "Run Alpha state machine".equals(event.stateName())).extracting(ExecutionEvent::type)
                    .contains("TaskStateEntered", "TaskStateExited");
            assertThat(history.get(0).details().get("input").asText()).contains("stateMachine");
        }

        @Test
        void sendsTaskCallbacks(TestHarness harness) {
            var driver = harness.stateMachine("Tiny");
            assertThatThrownBy(() -> driver.sendTaskSuccess("not-a-token", Map.of()))
                    .isInstanceOf(software.amazon.awssdk.services.sfn.model.SfnException.class);
            assertThat(harness.defaultExecutionTimeout()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void anUnknownStateMachineIsNamedWithTheKnownOnes(TestHarness harness) {
            assertThatThrownBy(() -> harness.stateMachine("Nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("There is no state machine 'Nope'")
                    .hasMessageContaining("the state machines under test (by logical id) are Tiny, Echo")
                    .hasMessageContaining("the state machine doubles (by declared name) are Alpha, Beta");
        }
    }
}
