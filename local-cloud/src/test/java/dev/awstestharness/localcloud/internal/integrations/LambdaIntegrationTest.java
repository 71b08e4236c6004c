package dev.awstestharness.localcloud.internal.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.LocalCloud;
import dev.awstestharness.localcloud.internal.lambda.LambdaClients;
import dev.awstestharness.localcloud.internal.lambda.TestHandlers;
import dev.awstestharness.localcloud.samples.EchoHandler;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** {@code lambda:invoke} and bare function ARNs in real state machines, with AWS's output and error shapes. */
class LambdaIntegrationTest {
    static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

    static LocalCloud cloud;
    static LambdaClient lambda;
    static StateMachineRuns runs;
    static String echo;
    static String failing;
    static String rejecting;
    static String sleeping;
    static String recording;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        lambda = LambdaClients.client(cloud.endpoint());
        runs = new StateMachineRuns(cloud.endpoint());
        echo = create("echo", EchoHandler.class.getName(), 3);
        failing = create("failing", TestHandlers.Failing.class.getName(), 3);
        rejecting = create("rejecting", TestHandlers.Rejecting.class.getName(), 3);
        sleeping = create("sleeping", TestHandlers.Sleeping.class.getName(), 1);
        recording = create("recording", TestHandlers.Recording.class.getName(), 3);
    }

    @AfterAll
    static void stop() {
        runs.close();
        lambda.close();
        cloud.close();
    }

    static String create(String prefix, String handler, int timeout) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        LambdaClients.create(lambda, name, handler, timeout);
        return name;
    }

    static String invokeState(String parameters) {
        return """
                {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":%s,"End":true}}}"""
                .formatted(parameters);
    }

    /** A Task that catches every error into {@code $.caught}. */
    static String catching(String resource, String parameters) {
        return """
                {"StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"%s","Parameters":%s,"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.caught","Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Pass","End":true}}}""".formatted(resource, parameters);
    }

    static JsonNode output(DescribeExecutionResponse described) {
        assertThat(described.status()).as("status (error %s, cause %s)", described.error(), described.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return StateMachineRuns.json(described.output());
    }

    @Nested
    class Invoke {
        @Test
        void returnsTheInvokeResponseWithTheParsedPayload() {
            JsonNode output = output(runs.run(invokeState("{\"FunctionName\":\"" + echo + "\",\"Payload\":{\"order.$\":\"$.order\"}}"),
                    "{\"order\":{\"id\":7}}"));

            assertThat(output.get("Payload")).isEqualTo(StateMachineRuns.json("{\"order\":{\"id\":7}}"));
            assertThat(output.get("StatusCode").asInt()).isEqualTo(200);
            assertThat(output.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
            assertThat(output.fieldNames()).toIterable()
                    .containsExactly("ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
            JsonNode metadata = output.get("SdkHttpMetadata");
            assertThat(metadata.get("HttpStatusCode").asInt()).isEqualTo(200);
            assertThat(metadata.get("HttpHeaders").get("Content-Type").asText()).isEqualTo("application/json");
            assertThat(metadata.get("HttpHeaders").get("Content-Length").asText()).isEqualTo("18");
            assertThat(metadata.get("AllHttpHeaders").get("X-Amz-Executed-Version")).isEqualTo(StateMachineRuns.json("[\"$LATEST\"]"));
            assertThat(output.get("SdkResponseMetadata").get("RequestId").asText())
                    .isEqualTo(metadata.get("HttpHeaders").get("x-amzn-RequestId").asText());
        }

        @Test
        void aStringPayloadIsSentAsItIsAndAnAbsentOneAsAnEmptyObject() {
            JsonNode string = output(runs.run(invokeState("{\"FunctionName\":\"" + echo + "\",\"Payload\":\"\\\"HelloWorld\\\"\"}"), "{}"));
            JsonNode absent = output(runs.run(invokeState("{\"FunctionName\":\"" + ARN_PREFIX + echo + "\"}"), "{}"));

            assertThat(string.get("Payload").asText()).isEqualTo("HelloWorld");
            assertThat(absent.get("Payload")).isEqualTo(StateMachineRuns.json("{}"));
        }

        @Test
        void anEventInvocationReturnsStatus202AndAnEmptyPayload() throws Exception {
            String marker = UUID.randomUUID().toString();

            JsonNode output = output(runs.run(invokeState("{\"FunctionName\":\"" + recording + "\",\"InvocationType\":\"Event\","
                    + "\"Payload\":{\"marker\":\"" + marker + "\"}}"), "{}"));

            assertThat(output.get("StatusCode").asInt()).isEqualTo(202);
            assertThat(output.get("Payload").asText()).isEmpty();
            Map<String, Object> recorded = TestHandlers.RECORDED.poll(5, TimeUnit.SECONDS);
            while (recorded != null && !marker.equals(recorded.get("marker"))) recorded = TestHandlers.RECORDED.poll(5, TimeUnit.SECONDS);
            assertThat(recorded).isNotNull();
        }

        @Test
        void aFunctionErrorFailsTheStateWithItsTypeAndErrorPayload() {
            DescribeExecutionResponse described = runs.run(invokeState("{\"FunctionName\":\"" + failing + "\",\"Payload\":{}}"), "{}");

            assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(described.error()).isEqualTo("java.lang.IllegalStateException");
            JsonNode cause = StateMachineRuns.json(described.cause());
            assertThat(cause.get("errorMessage").asText()).isEqualTo("boom");
            assertThat(cause.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(cause.get("stackTrace").isArray()).isTrue();
        }

        @Test
        void aCustomErrorTypeIsWhatCatchMatches() {
            String definition = """
                    {"StartAt":"Call","States":{
                      "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"%s","Payload":{"order":42}},
                        "Catch":[{"ErrorEquals":["%s"],"Next":"Rejected"}],"End":true},
                      "Rejected":{"Type":"Pass","End":true}}}""".formatted(rejecting, TestHandlers.OrderRejected.class.getName());

            JsonNode output = output(runs.run(definition, "{}"));

            assertThat(output.get("Error").asText()).isEqualTo(TestHandlers.OrderRejected.class.getName());
            assertThat(StateMachineRuns.json(output.get("Cause").asText()).get("errorMessage").asText()).isEqualTo("order 42 rejected");
        }

        @Test
        void anUnknownFunctionFailsWithLambdaResourceNotFound() {
            JsonNode output = output(runs.run(catching("arn:aws:states:::lambda:invoke", "{\"FunctionName\":\"no-such-function\"}"), "{}"));

            assertThat(output.at("/caught/Error").asText()).isEqualTo("Lambda.ResourceNotFoundException");
            assertThat(output.at("/caught/Cause").asText()).matches("Function not found: " + ARN_PREFIX.replace("$", "\\$") + "no-such-function "
                    + "\\(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\\)");
        }

        @Test
        void aTimedOutFunctionFailsWithLambdaUnknown() {
            DescribeExecutionResponse described = runs.run(invokeState("{\"FunctionName\":\"" + sleeping + "\"}"), "{}");

            assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(described.error()).isEqualTo("Lambda.Unknown");
            assertThat(described.cause()).matches("The cause could not be determined because Lambda did not return an error type\\. Returned payload: "
                    + "\\{\"errorMessage\":\"\\S+Z [0-9a-f-]{36} Task timed out after 1\\.\\d\\d seconds\"\\}");
        }

        @Test
        void waitForTaskTokenInvokesTheFunctionAndWaitsForTheCallback() throws Exception {
            String definition = """
                    {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                      "Parameters":{"FunctionName":"%s","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""".formatted(recording);

            String execution = runs.start(definition, "{}");
            Map<String, Object> recorded = TestHandlers.RECORDED.poll(5, TimeUnit.SECONDS);
            while (recorded != null && !recorded.containsKey("token")) recorded = TestHandlers.RECORDED.poll(5, TimeUnit.SECONDS);
            assertThat(recorded).as("the function's input with the task token").isNotNull();
            String token = (String) recorded.get("token");
            runs.sfn().sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));

            assertThat(output(runs.await(execution))).isEqualTo(StateMachineRuns.json("{\"approved\":true}"));
        }
    }

    @Nested
    class FunctionArnResource {
        @Test
        void theResultIsThePayloadItself() {
            String definition = """
                    {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(ARN_PREFIX + echo);

            String execution = runs.start(definition, "{\"value\":[1,2]}");

            assertThat(output(runs.await(execution))).isEqualTo(StateMachineRuns.json("{\"value\":[1,2]}"));
            List<HistoryEventType> types = runs.history(execution).stream().map(HistoryEvent::type).toList();
            assertThat(types).containsSubsequence(HistoryEventType.LAMBDA_FUNCTION_SCHEDULED, HistoryEventType.LAMBDA_FUNCTION_STARTED,
                    HistoryEventType.LAMBDA_FUNCTION_SUCCEEDED);
        }

        @Test
        void aStringInputIsSentAsJson() {
            String definition = """
                    {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(ARN_PREFIX + echo);

            assertThat(output(runs.run(definition, "\"HelloWorld\"")).asText()).isEqualTo("HelloWorld");
        }

        @Test
        void aFunctionErrorFailsTheStateAsWithLambdaInvoke() {
            String execution = runs.start("""
                    {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(ARN_PREFIX + failing), "{}");

            DescribeExecutionResponse described = runs.await(execution);

            assertThat(described.error()).isEqualTo("java.lang.IllegalStateException");
            assertThat(StateMachineRuns.json(described.cause()).get("errorMessage").asText()).isEqualTo("boom");
            assertThat(runs.history(execution)).extracting(HistoryEvent::type).contains(HistoryEventType.LAMBDA_FUNCTION_FAILED);
        }

        @Test
        void anUnknownFunctionFailsWithLambdaResourceNotFound() {
            JsonNode output = output(runs.run(catching(ARN_PREFIX + "no-such-function", "{}"), "{}"));

            assertThat(output.at("/caught/Error").asText()).isEqualTo("Lambda.ResourceNotFoundException");
            assertThat(output.at("/caught/Cause").asText()).startsWith("Function not found: " + ARN_PREFIX + "no-such-function (Service: AWSLambda;");
        }
    }
}
