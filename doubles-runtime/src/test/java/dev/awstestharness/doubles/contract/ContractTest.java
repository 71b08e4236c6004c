package dev.awstestharness.doubles.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The JSON shapes the doubles and the harness exchange. */
class ContractTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Nested
    class Invocations {
        @Test
        void anInvocationTravelsAsAJsonObjectWithItsFields() throws Exception {
            Invocation invocation = new Invocation("id-1", DoubleKind.STATE_MACHINE, "First", json("{\"value\":1}"), "session-1", "token-1");

            assertThat(json(invocation.toJson())).isEqualTo(json("""
                    {"invocationId": "id-1", "kind": "STATE_MACHINE", "target": "First", "payload": {"value": 1},
                     "sessionId": "session-1", "taskToken": "token-1"}"""));
            assertThat(Invocation.fromJson(invocation.toJson())).isEqualTo(invocation);
        }

        @Test
        void absentSessionAndTokenAreLeftOutAndAbsentPayloadIsNull() throws Exception {
            Invocation invocation = new Invocation("id-1", DoubleKind.LAMBDA_FUNCTION, "First", null, null, null);

            assertThat(json(invocation.toJson())).isEqualTo(json("""
                    {"invocationId": "id-1", "kind": "LAMBDA_FUNCTION", "target": "First", "payload": null}"""));
            assertThat(Invocation.fromJson("{\"invocationId\":\"id-1\",\"kind\":\"LAMBDA_FUNCTION\",\"target\":\"First\"}")).isEqualTo(invocation);
        }

        @Test
        void theResultKeyIsTargetAndInvocationId() {
            assertThat(new Invocation("id-1", DoubleKind.ECS_TASK_CONTAINER, "First#Blue", null, null, null).resultKey()).isEqualTo("First#Blue#id-1");
        }

        @Test
        void malformedMessagesAreRejectedNamingWhatIsWrong() {
            assertThatThrownBy(() -> Invocation.fromJson("not json")).hasMessageStartingWith("An invocation message is not JSON");
            assertThatThrownBy(() -> Invocation.fromJson("[1]")).hasMessageStartingWith("An invocation message must be a JSON object");
            assertThatThrownBy(() -> Invocation.fromJson("{\"kind\":\"LAMBDA_FUNCTION\",\"target\":\"First\"}"))
                    .hasMessageStartingWith("An invocation message lacks 'invocationId'");
            assertThatThrownBy(() -> Invocation.fromJson("{\"invocationId\":\"i\",\"kind\":\"QUEUE\",\"target\":\"First\"}"))
                    .hasMessageStartingWith("An invocation message has the unknown kind 'QUEUE'");
            assertThatThrownBy(() -> Invocation.fromJson("{\"invocationId\":1,\"kind\":\"LAMBDA_FUNCTION\",\"target\":\"First\"}"))
                    .hasMessageStartingWith("An invocation message's 'invocationId' must be a string");
        }
    }

    @Nested
    class Results {
        @Test
        void eachOutcomeHasItsShape() throws Exception {
            assertThat(json(InvocationResult.value(json("{\"a\":1}")).toJson())).isEqualTo(json("{\"outcome\":\"VALUE\",\"value\":{\"a\":1}}"));
            assertThat(json(InvocationResult.thrown("OrderRejected", "m").toJson()))
                    .isEqualTo(json("{\"outcome\":\"THROW\",\"errorType\":\"OrderRejected\",\"errorMessage\":\"m\"}"));
            assertThat(json(InvocationResult.failure("E", "c").toJson())).isEqualTo(json("{\"outcome\":\"FAIL\",\"error\":\"E\",\"cause\":\"c\"}"));
            assertThat(json(InvocationResult.exit(3).toJson())).isEqualTo(json("{\"outcome\":\"EXIT\",\"exitCode\":3}"));
        }

        @Test
        void resultsReadBackAsWritten() throws Exception {
            for (InvocationResult result : new InvocationResult[] {InvocationResult.value(json("[1,\"x\"]")), InvocationResult.thrown(null, "m"),
                    InvocationResult.failure("E", null), InvocationResult.exit(255)}) {
                assertThat(InvocationResult.fromJson(result.toJson())).isEqualTo(result);
            }
        }

        @Test
        void malformedResultsAreRejected() {
            assertThatThrownBy(() -> InvocationResult.fromJson("{\"outcome\":\"MAYBE\"}")).hasMessageContaining("no valid 'outcome'");
            assertThatThrownBy(() -> InvocationResult.fromJson("")).hasMessageContaining("must be a JSON object");
        }

        @Test
        void theResultsTableItemHoldsKeyResultAndADayOfTtl() {
            Invocation invocation = new Invocation("id-1", DoubleKind.LAMBDA_FUNCTION, "First", null, "s", null);

            Map<String, AttributeValue> item = ResultsTable.item(invocation, InvocationResult.exit(0), Instant.ofEpochSecond(1_000));

            assertThat(item).containsEntry("partitionKey", AttributeValue.fromS("First#id-1"))
                    .containsEntry("result", AttributeValue.fromS("{\"outcome\":\"EXIT\",\"exitCode\":0}"))
                    .containsEntry("ttl", AttributeValue.fromN(Long.toString(1_000 + 86_400)));
        }
    }

    @Test
    void harnessVariablesAreRecognisedByTheirPrefix() {
        assertThat(HarnessEnvironment.isHarnessVariable(HarnessEnvironment.EVENTS_QUEUE_URL)).isTrue();
        assertThat(HarnessEnvironment.isHarnessVariable("AWS_TEST_HARNESS_X")).isFalse();
        assertThat(HarnessEnvironment.isHarnessVariable(null)).isFalse();
    }
}
