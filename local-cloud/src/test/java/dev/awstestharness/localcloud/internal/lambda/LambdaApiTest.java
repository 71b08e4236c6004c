package dev.awstestharness.localcloud.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.localcloud.LocalCloud;
import dev.awstestharness.localcloud.samples.EchoHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Lambda through the AWS SDK for Java v2's Lambda client: functions are handler classes on the test classpath. */
class LambdaApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

    static LocalCloud cloud;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        lambda = LambdaClients.client(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        lambda.close();
        cloud.close();
    }

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    static JsonNode json(InvokeResponse response) throws Exception {
        return JSON.readTree(response.payload().asUtf8String());
    }

    @Nested
    class Functions {
        @Test
        void aCreatedFunctionIsDescribedAsLambdaDescribesIt() {
            String name = name("greeting");
            CreateFunctionResponse created = lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA17)
                    .handler(TestHandlers.Greeting.class.getName()).role(LambdaClients.ROLE).memorySize(512)
                    .environment(e -> e.variables(Map.of("TABLE", "orders"))).code(c -> c.zipFile(SdkBytes.fromUtf8String("zip"))));

            GetFunctionResponse got = lambda.getFunction(r -> r.functionName(name));

            assertThat(created.functionArn()).isEqualTo(ARN_PREFIX + name);
            assertThat(created.timeout()).isEqualTo(3);
            assertThat(created.memorySize()).isEqualTo(512);
            assertThat(created.stateAsString()).isEqualTo("Active");
            FunctionConfiguration configuration = got.configuration();
            assertThat(configuration.functionName()).isEqualTo(name);
            assertThat(configuration.runtime()).isEqualTo(Runtime.JAVA17);
            assertThat(configuration.handler()).isEqualTo(TestHandlers.Greeting.class.getName());
            assertThat(configuration.role()).isEqualTo(LambdaClients.ROLE);
            assertThat(configuration.environment().variables()).containsExactly(Map.entry("TABLE", "orders"));
            assertThat(configuration.version()).isEqualTo("$LATEST");
            assertThat(configuration.codeSize()).isEqualTo(3);
            assertThat(got.code().repositoryType()).isEqualTo("S3");
        }

        @Test
        void aFunctionIsFoundByNameFullOrPartialArnAndLatestQualifier() {
            String name = name("found");
            LambdaClients.create(lambda, name, EchoHandler.class);

            for (String reference : new String[] {name, ARN_PREFIX + name, "123456789012:function:" + name, name + ":$LATEST",
                    ARN_PREFIX + name + ":$LATEST"}) {
                assertThat(lambda.getFunction(r -> r.functionName(reference)).configuration().functionName()).isEqualTo(name);
            }
        }

        @Test
        void anUnknownFunctionIsNotFoundWithLambdasMessage() {
            ResourceNotFoundException e = catchThrowableOfType(() -> lambda.getFunction(r -> r.functionName("nope")),
                    ResourceNotFoundException.class);

            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN_PREFIX + "nope");
        }

        @Test
        void aVersionOtherThanLatestIsNotFound() {
            String name = name("versions");
            LambdaClients.create(lambda, name, EchoHandler.class);

            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name).qualifier("1")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Function not found: " + ARN_PREFIX + name + ":1");
        }

        @Test
        void creatingAFunctionTwiceConflicts() {
            String name = name("twice");
            LambdaClients.create(lambda, name, EchoHandler.class);

            assertThatThrownBy(() -> LambdaClients.create(lambda, name, EchoHandler.class))
                    .isInstanceOf(ResourceConflictException.class)
                    .hasMessageStartingWith("Function already exist: " + name);
        }

        @Test
        void aHandlerClassThatIsNotOnTheClasspathIsRejectedByName() {
            assertThatThrownBy(() -> LambdaClients.create(lambda, name("missing"), "com.example.Missing::handleRequest", 3))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("The handler class 'com.example.Missing'")
                    .hasMessageContaining("is not on the classpath of the local cloud");
        }

        @Test
        void aClassThatIsNoHandlerNeedsAMethodName() {
            assertThatThrownBy(() -> LambdaClients.create(lambda, name("plain"), TestHandlers.NotAHandler.class))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("implements neither RequestHandler nor RequestStreamHandler");
            assertThatThrownBy(() -> LambdaClients.create(lambda, name("plain"), TestHandlers.NotAHandler.class.getName() + "::absent", 3))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("has no public method 'absent'");
        }

        @Test
        void otherRuntimesAndReservedVariablesAreRejected() {
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName(name("py")).runtime(Runtime.PYTHON3_12).handler("index.handler")
                    .role(LambdaClients.ROLE).code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("runs Java handlers only");
            assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName(name("env")).runtime(Runtime.JAVA21)
                    .handler(EchoHandler.class.getName()).role(LambdaClients.ROLE).environment(e -> e.variables(Map.of("AWS_REGION", "x")))
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("Reserved keys used in this request: AWS_REGION");
        }

        @Test
        void variableNamesThatDoNotStartWithALetterFailValidation() {
            LambdaException e = catchThrowableOfType(() -> lambda.createFunction(r -> r.functionName(name("env")).runtime(Runtime.JAVA21)
                    .handler(EchoHandler.class.getName()).role(LambdaClients.ROLE).environment(env -> env.variables(Map.of("__HIDDEN", "x")))
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("zip")))), LambdaException.class);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).contains("Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+");
        }

        @Test
        void aTimeoutOutsideOneTo900SecondsFailsValidation() {
            LambdaException e = catchThrowableOfType(() -> LambdaClients.create(lambda, name("zero"), EchoHandler.class.getName(), 0),
                    LambdaException.class);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '0' at 'timeout' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 1");
        }

        @Test
        void aDeletedFunctionIsGone() {
            String name = name("deleted");
            LambdaClients.create(lambda, name, EchoHandler.class);

            lambda.deleteFunction(r -> r.functionName(name));

            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name))).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> lambda.deleteFunction(r -> r.functionName(name))).isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void functionsAreListedPageByPage() {
            String first = name("list-a");
            String second = name("list-b");
            LambdaClients.create(lambda, first, EchoHandler.class);
            LambdaClients.create(lambda, second, EchoHandler.class);

            ListFunctionsResponse page = lambda.listFunctions(r -> r.maxItems(1));
            java.util.List<String> all = lambda.listFunctionsPaginator(r -> r.maxItems(1)).functions().stream()
                    .map(FunctionConfiguration::functionName).toList();

            assertThat(page.functions()).hasSize(1);
            assertThat(page.nextMarker()).isNotNull();
            assertThat(all).contains(first, second).isSorted();
        }
    }

    @Nested
    class Invoke {
        @Test
        void aRequestHandlerGetsTheDeserializedPayloadAndItsContext() throws Exception {
            String name = name("greet");
            LambdaClients.create(lambda, name, TestHandlers.Greeting.class);

            InvokeResponse response = invoke(name, "{\"name\":\"Ada\"}");

            JsonNode output = json(response);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isNull();
            assertThat(response.executedVersion()).isEqualTo("$LATEST");
            assertThat(output.get("greeting").asText()).isEqualTo("hello Ada");
            assertThat(output.get("functionName").asText()).isEqualTo(name);
            assertThat(output.get("requestId").asText()).matches("[0-9a-f-]{36}");
            assertThat(output.get("remainingMillis").asInt()).isBetween(1, 3000);
            assertThat(output.get("memory").asInt()).isEqualTo(128);
            assertThat(output.get("invokedArn").asText()).isEqualTo(ARN_PREFIX + name);
        }

        @Test
        void aStreamHandlerGetsThePayloadByteForByte() {
            String name = name("echo");
            LambdaClients.create(lambda, name, EchoHandler.class);

            for (String payload : new String[] {"{\"a\": [1, 2.50]}", "\"HelloWorld\"", "0.0", "true", "[]"}) {
                assertThat(invoke(name, payload).payload().asUtf8String()).isEqualTo(payload);
            }
            assertThat(lambda.invoke(r -> r.functionName(name)).payload().asUtf8String()).isEqualTo("{}");
        }

        @Test
        void aNamedMethodGetsItsTypedInput() throws Exception {
            String name = name("pojo");
            LambdaClients.create(lambda, name, TestHandlers.Pojo.class.getName() + "::total", 3);

            JsonNode output = json(invoke(name, "{\"id\":\"o-1\",\"quantity\":3,\"price\":2.5}"));

            assertThat(output.get("id").asText()).isEqualTo("o-1");
            assertThat(output.get("total").asDouble()).isEqualTo(7.5);
        }

        @Test
        void aFunctionErrorIsUnhandledWithTheJavaRuntimesErrorPayload() throws Exception {
            String name = name("failing");
            LambdaClients.create(lambda, name, TestHandlers.Failing.class);

            InvokeResponse response = invoke(name, "{}");

            JsonNode error = json(response);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(error.get("errorMessage").asText()).isEqualTo("boom");
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.get("stackTrace").get(0).asText()).startsWith(TestHandlers.Failing.class.getName() + ".handleRequest(TestHandlers.java:");
            assertThat(error.get("stackTrace").toString()).doesNotContain("JavaHandler").doesNotContain("reflect");
            assertThat(error.get("cause").get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        }

        @Test
        void anInvocationThatOutlivesItsTimeoutFailsAsLambdasAndItsThreadIsInterrupted() throws Exception {
            String name = name("slow");
            TestHandlers.interrupted = new CountDownLatch(1);
            LambdaClients.create(lambda, name, TestHandlers.Sleeping.class.getName(), 1);
            long started = System.nanoTime();

            InvokeResponse response = invoke(name, "{}");

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 3000L);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response);
            assertThat(error.fieldNames()).toIterable().containsExactly("errorMessage");
            assertThat(error.get("errorMessage").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z [0-9a-f-]{36} Task timed out after 1\\.\\d\\d seconds");
            assertThat(TestHandlers.interrupted.await(5, TimeUnit.SECONDS)).as("the handler thread was interrupted").isTrue();
        }

        @Test
        void eachFunctionSeesItsOwnEnvironment() throws Exception {
            String orders = name("orders");
            String invoices = name("invoices");
            for (String[] function : new String[][] {{orders, "orders-table"}, {invoices, "invoices-table"}}) {
                lambda.createFunction(r -> r.functionName(function[0]).runtime(Runtime.JAVA21).handler(TestHandlers.Environment.class.getName())
                        .role(LambdaClients.ROLE).environment(e -> e.variables(Map.of("TABLE", function[1])))
                        .code(c -> c.zipFile(SdkBytes.fromUtf8String("zip"))));
            }

            JsonNode ordersOutput = json(invoke(orders, "{}"));
            JsonNode invoicesOutput = json(invoke(invoices, "{}"));

            assertThat(ordersOutput.get("constructor").asText()).isEqualTo("orders-table");
            assertThat(ordersOutput.get("lookup").asText()).isEqualTo("orders-table");
            assertThat(ordersOutput.get("functionName").asText()).isEqualTo(orders);
            assertThat(ordersOutput.get("region").asText()).isEqualTo("us-east-1");
            assertThat(invoicesOutput.get("constructor").asText()).isEqualTo("invoices-table");
            assertThat(invoicesOutput.get("lookup").asText()).isEqualTo("invoices-table");
        }

        @Test
        void anEventInvocationIsAcceptedAndRunsAsynchronously() throws Exception {
            String name = name("event");
            LambdaClients.create(lambda, name, TestHandlers.Recording.class);
            String marker = UUID.randomUUID().toString();

            InvokeResponse response = lambda.invoke(r -> r.functionName(name).invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"marker\":\"" + marker + "\"}")));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.payload().asByteArray()).isEmpty();
            Map<String, Object> recorded = TestHandlers.RECORDED.poll(5, TimeUnit.SECONDS);
            while (recorded != null && !marker.equals(recorded.get("marker"))) recorded = TestHandlers.RECORDED.poll(5, TimeUnit.SECONDS);
            assertThat(recorded).as("the asynchronous invocation's input").isNotNull();
        }

        @Test
        void aDryRunOnlyChecksTheFunction() {
            String name = name("dry");
            LambdaClients.create(lambda, name, TestHandlers.Recording.class);

            InvokeResponse response = lambda.invoke(r -> r.functionName(name).invocationType(InvocationType.DRY_RUN));

            assertThat(response.statusCode()).isEqualTo(204);
        }

        @Test
        void theLogTailHoldsTheHandlersLines() {
            String name = name("logs");
            LambdaClients.create(lambda, name, TestHandlers.Greeting.class);

            InvokeResponse response = lambda.invoke(r -> r.functionName(name).logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"Log\"}")));

            String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
            assertThat(log).startsWith("START RequestId: ").contains("greeting Log\n").contains("END RequestId: ").contains("REPORT RequestId: ");
        }

        @Test
        void invokingAnUnknownFunctionIsNotFound() {
            assertThatThrownBy(() -> invoke("missing-function", "{}"))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Function not found: " + ARN_PREFIX + "missing-function");
        }

        @Test
        void aPayloadThatIsNotJsonIsRejected() {
            String name = name("badjson");
            LambdaClients.create(lambda, name, EchoHandler.class);

            assertThatThrownBy(() -> invoke(name, "{not json"))
                    .isInstanceOf(InvalidRequestContentException.class)
                    .hasMessageStartingWith("Could not parse request body into json: Could not parse payload into json: ");
        }
    }
}
