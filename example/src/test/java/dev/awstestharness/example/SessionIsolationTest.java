package dev.awstestharness.example;

import static dev.awstestharness.example.ExampleInputs.input;
import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.LambdaFunctionTwin;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.TestHarness;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Invocations left over from earlier tests or runs are never handled (scenario 14). */
@AwsTestHarness(template = "template.yaml")
class SessionIsolationTest {
    TestHarness harness;

    @Test
    void ignoresAnInvocationLeftOverFromAnEarlierSession() {
        LambdaFunctionTwin first = harness.twinLambdaFunction("First", event -> Map.of("value", event.get("value").asInt() * 2));
        // what the Lambda function double First sent in an earlier session, and nobody answered
        String earlierSession = "an-earlier-session-" + UUID.randomUUID();
        Invocation leftover = new Invocation(UUID.randomUUID().toString(), DoubleKind.LAMBDA_FUNCTION, "First",
                json("{\"value\": 1000}"), earlierSession, null);
        try (SqsClient sqs = harness.target().configure(SqsClient.builder()).build()) {
            EventsQueue.send(sqs, harness.target().ref("AWSTestHarnessEventsQueue"), leftover);
        }

        // the leftover is on the queue before this execution starts: the listener receives it first, and drops it
        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine")
                .execute(input("LAMBDA_INVOKE", Map.of("value", 10)));

        execution.assertSucceeded();
        assertThat(execution.output().at("/lambdaFunctionInvoke/result/value").asInt()).isEqualTo(20);
        assertThat(first.invocations()).containsExactly(json("{\"value\": 10}"));
    }
}
