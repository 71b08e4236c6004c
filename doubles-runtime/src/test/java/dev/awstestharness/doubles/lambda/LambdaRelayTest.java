package dev.awstestharness.doubles.lambda;

import static dev.awstestharness.doubles.LocalDoubles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.LocalDoubles;
import dev.awstestharness.doubles.TestResponder;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.TestContextBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The Lambda relay as a function of the local cloud, invoked through the Lambda API while a test responder answers. */
@SuppressWarnings("try") // a responder answers while it is open
class LambdaRelayTest {
    static LocalDoubles doubles;
    LocalDoubles.Session session;

    @BeforeAll
    static void start() {
        doubles = new LocalDoubles();
    }

    @AfterAll
    static void stop() {
        doubles.close();
    }

    @BeforeEach
    void newSession() {
        session = doubles.newSession();
    }

    String relay(String doubleName, int timeoutSeconds, Map<String, String> extra) {
        String name = LocalDoubles.uniqueName(doubleName + "AWSTestHarnessLambdaFunction");
        Map<String, String> environment = new java.util.HashMap<>(session.lambdaEnvironment(doubleName));
        extra.forEach((variable, value) -> environment.put(HarnessEnvironment.lambdaName(variable), value));
        doubles.lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).handler(LambdaRelay.class.getName())
                .role(LocalDoubles.ROLE).timeout(timeoutSeconds).environment(e -> e.variables(environment))
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("relay"))));
        return name;
    }

    String relay(String doubleName) {
        return relay(doubleName, 10, Map.of());
    }

    InvokeResponse invoke(String function, String payload) {
        return doubles.lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void returnsTheValueTheTwinAnswersWith() {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation ->
                InvocationResult.value(json("{\"value\":" + invocation.payload().get("value").asInt() * 2 + "}")))) {

            InvokeResponse response = invoke(function, "{\"value\":10}");

            assertThat(response.functionError()).isNull();
            assertThat(json(response.payload().asUtf8String())).isEqualTo(json("{\"value\":20}"));
            assertThat(responder.received()).singleElement().satisfies(received -> {
                assertThat(received.invocation().kind()).isEqualTo(DoubleKind.LAMBDA_FUNCTION);
                assertThat(received.invocation().target()).isEqualTo("First");
                assertThat(received.invocation().payload()).isEqualTo(json("{\"value\":10}"));
                assertThat(received.invocation().taskToken()).isNull();
                assertThat(received.invocation().invocationId()).isEqualTo(response.responseMetadata().requestId());
            });
        }
    }

    @Test
    void tagsTheInvocationWithTheSessionItReadAndIdentifiesTheMessageByTheRequestId() {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.value(json("{}")))) {
            invoke(function, "{}");

            TestResponder.Received received = responder.awaitReceived(1).get(0);
            assertThat(received.invocation().sessionId()).isEqualTo(session.sessionId);
            assertThat(received.attributes()).containsEntry(EventsQueue.SESSION_ATTRIBUTE, session.sessionId)
                    .containsEntry(EventsQueue.KIND_ATTRIBUTE, "LAMBDA_FUNCTION");
            assertThat(received.messageGroupId()).isEqualTo(received.invocation().invocationId());
            assertThat(received.deduplicationId()).isEqualTo(received.invocation().invocationId());
        }
    }

    @Test
    void readsTheSessionAtEachInvocation() {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.value(json("{}")))) {
            invoke(function, "{}");
            TestContextBucket.writeSessionId(doubles.s3, session.bucket, "the-next-session");
            invoke(function, "{}");

            assertThat(responder.awaitReceived(2)).extracting(received -> received.invocation().sessionId())
                    .containsExactly(session.sessionId, "the-next-session");
        }
    }

    @Test
    void returnsValuesOfEveryJsonType() {
        String function = relay("First");
        List<String> values = List.of("\"text\"", "42", "true", "null", "[1,{\"a\":2}]");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.value(invocation.payload().get("answer")))) {
            for (String value : values) {
                InvokeResponse response = invoke(function, "{\"answer\":" + value + "}");
                assertThat(json(response.payload().asUtf8String())).as(value).isEqualTo(json(value));
            }
        }
    }

    @Test
    void aThrownErrorWithoutTypeIsReportedAsException() {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.thrown(null, "the error message"))) {

            InvokeResponse response = invoke(function, "{}");

            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response.payload().asUtf8String());
            assertThat(error.get("errorType").asText()).isEqualTo("Exception");
            assertThat(error.get("errorMessage").asText()).isEqualTo("the error message");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"OrderRejected", "Lambda.TooManyRequestsException", "com.example.orders.PaymentDeclined", "Custom-Error",
            "Exception"})
    void aThrownErrorHasTheTypeTheTwinNamed(String type) {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.thrown(type, "rejected: " + type))) {

            JsonNode error = json(invoke(function, "{}").payload().asUtf8String());

            assertThat(error.get("errorType").asText()).isEqualTo(type);
            assertThat(error.get("errorMessage").asText()).isEqualTo("rejected: " + type);
        }
    }

    @Test
    void anErrorTypeThatCannotBeAClassNameIsReportedAsSuch() {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.thrown("Not;Allowed", "the error message"))) {

            JsonNode error = json(invoke(function, "{}").payload().asUtf8String());

            assertThat(error.get("errorType").asText()).isEqualTo("AwsTestHarness.InvalidErrorType");
            assertThat(error.get("errorMessage").asText()).contains("'Not;Allowed'", "the error message");
        }
    }

    @Test
    void anExecutionFailureAnswerIsThrownWithItsErrorAndCause() {
        String function = relay("First");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.failure("AwsTestHarness.NoTwin",
                "No twin for the Lambda function double 'First'"))) {

            JsonNode error = json(invoke(function, "{}").payload().asUtf8String());

            assertThat(error.get("errorType").asText()).isEqualTo("AwsTestHarness.NoTwin");
            assertThat(error.get("errorMessage").asText()).isEqualTo("No twin for the Lambda function double 'First'");
        }
    }

    @Test
    void withoutAnAnswerItFailsNamingTheDoubleAndTheInvocation() {
        String function = relay("First", 10, Map.of(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, "200"));
        try (TestResponder responder = session.respondWith(invocation -> null)) {

            InvokeResponse response = invoke(function, "{}");

            JsonNode error = json(response.payload().asUtf8String());
            assertThat(error.get("errorType").asText()).isEqualTo("AwsTestHarness.NoAnswer");
            assertThat(error.get("errorMessage").asText()).isEqualTo("No answer from the harness for invocation "
                    + response.responseMetadata().requestId() + " of Lambda function double 'First' within 200 ms; is the test's harness "
                    + "running and is its session current?");
        }
    }

    @Test
    void withoutAnAnswerItFailsBeforeTheFunctionTimesOut() {
        String function = relay("First", 1, Map.of());
        try (TestResponder responder = session.respondWith(invocation -> null)) {

            JsonNode error = json(invoke(function, "{}").payload().asUtf8String());

            assertThat(error.get("errorType").asText()).isEqualTo("AwsTestHarness.NoAnswer");
            assertThat(error.get("errorMessage").asText()).contains("of Lambda function double 'First' within");
        }
    }

    @Test
    void withoutASessionItFailsSayingSo() {
        String function = relay("First");
        doubles.s3.deleteObject(r -> r.bucket(session.bucket).key(TestContextBucket.SESSION_KEY));

        JsonNode error = json(invoke(function, "{}").payload().asUtf8String());

        assertThat(error.get("errorMessage").asText()).contains("The test-context bucket '" + session.bucket + "' has no mocking session");
    }

    @Test
    void withoutItsConfigurationItFailsNamingTheMissingVariable() {
        String function = relay("First", 10, Map.of(HarnessEnvironment.RESULTS_TABLE, " "));

        JsonNode error = json(invoke(function, "{}").payload().asUtf8String());

        assertThat(error.get("errorMessage").asText()).isEqualTo("The Lambda function double 'First' lacks the environment variable "
                + "__AWS_TEST_HARNESS__RESULTS_TABLE (AWS_TEST_HARNESS_RESULTS_TABLE on a Lambda function); the test doubles' infrastructure sets it (see HarnessEnvironment)");
    }

    @Test
    void concurrentInvocationsEachGetTheirOwnAnswer() {
        String function = relay("First");
        ExecutorService callers = Executors.newFixedThreadPool(25);
        try (TestResponder responder = session.respondWith(invocation ->
                InvocationResult.value(json("{\"value\":" + invocation.payload().get("value").asInt() * 2 + "}")))) {
            List<CompletableFuture<JsonNode>> outputs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int value = i;
                outputs.add(CompletableFuture.supplyAsync(() -> json(invoke(function, "{\"value\":" + value + "}").payload().asUtf8String()),
                        callers));
            }

            for (int i = 0; i < 50; i++) assertThat(outputs.get(i).join()).isEqualTo(json("{\"value\":" + i * 2 + "}"));
            assertThat(responder.received()).hasSize(50);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aStateMachineInvokingTheRelayFailsWithTheTwinsErrorAsLambdaReportsIt() {
        String function = relay("First");
        String machine = doubles.sfn.createStateMachine(r -> r.name(LocalDoubles.uniqueName("UnderTest")).roleArn(LocalDoubles.ROLE)
                .definition("{\"StartAt\":\"Invoke\",\"States\":{\"Invoke\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                        + "\"Parameters\":{\"FunctionName\":\"" + function + "\",\"Payload.$\":\"$\"},\"End\":true}}}")).stateMachineArn();
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.thrown(null, "the error message"))) {

            String execution = doubles.sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"value\":10}")).executionArn();
            DescribeExecutionResponse finished = awaitFinished(execution);

            assertThat(finished.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(finished.error()).isEqualTo("Exception");
            assertThat(json(finished.cause()).get("errorMessage").asText()).isEqualTo("the error message");
            assertThat(json(finished.cause()).get("errorType").asText()).isEqualTo("Exception");
        }
    }

    static DescribeExecutionResponse awaitFinished(String executionArn) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            DescribeExecutionResponse execution = doubles.sfn.describeExecution(r -> r.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) return execution;
            LocalDoubles.sleep(java.time.Duration.ofMillis(2));
        }
    }
}
