package dev.awstestharness.doubles.lambda;

import static dev.awstestharness.doubles.LocalDoubles.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.doubles.LocalDoubles;
import dev.awstestharness.doubles.TestResponder;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.InvocationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Lambda accepts only environment variable names that start with a letter, so the AWS stack gives the relay its
 * harness variables as {@code AWS_TEST_HARNESS_*} ({@link HarnessEnvironment#lambdaName}); the relay works with those
 * alone.
 */
@SuppressWarnings("try") // a responder answers while it is open
class LambdaRelayVariableNamesTest {
    static LocalDoubles doubles;

    @BeforeAll
    static void start() {
        doubles = new LocalDoubles();
    }

    @AfterAll
    static void stop() {
        doubles.close();
    }

    @Test
    void theRelayReadsItsVariablesUnderTheNamesLambdaAccepts() {
        LocalDoubles.Session session = doubles.newSession();
        Map<String, String> environment = new LinkedHashMap<>(session.lambdaEnvironment("First"));
        environment.put(HarnessEnvironment.lambdaName(HarnessEnvironment.RESULT_TIMEOUT_MILLIS), "5000");
        assertThat(environment.keySet()).allMatch(name -> name.matches("[a-zA-Z][a-zA-Z0-9_]+"));
        String function = LocalDoubles.uniqueName("FirstAWSTestHarnessLambdaFunction");
        doubles.lambda.createFunction(r -> r.functionName(function).runtime(Runtime.JAVA21).handler(LambdaRelay.class.getName())
                .role(LocalDoubles.ROLE).timeout(10).environment(e -> e.variables(environment))
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("relay"))));

        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.value(json("{\"doubled\":" + invocation.payload()
                .get("value").asInt() * 2 + "}")))) {
            InvokeResponse response = doubles.lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{\"value\":21}")));

            assertThat(response.functionError()).isNull();
            assertThat(json(response.payload().asUtf8String())).isEqualTo(json("{\"doubled\":42}"));
            assertThat(responder.received()).singleElement().satisfies(received -> assertThat(received.invocation().target()).isEqualTo("First"));
        }
    }

    @Test
    void theLambdaNameOfAHarnessVariableDropsTheLeadingUnderscores() {
        assertThat(HarnessEnvironment.lambdaName(HarnessEnvironment.EVENTS_QUEUE_URL)).isEqualTo("AWS_TEST_HARNESS_EVENTS_QUEUE_URL");
        assertThat(HarnessEnvironment.value(Map.of("AWS_TEST_HARNESS_DOUBLE_NAME", "First"), HarnessEnvironment.DOUBLE_NAME)).isEqualTo("First");
        assertThat(HarnessEnvironment.value(Map.of(HarnessEnvironment.DOUBLE_NAME, "Own", "AWS_TEST_HARNESS_DOUBLE_NAME", "Lambda"),
                HarnessEnvironment.DOUBLE_NAME)).isEqualTo("Own");
        assertThat(HarnessEnvironment.value(Map.of(), HarnessEnvironment.DOUBLE_NAME)).isNull();
        assertThat(HarnessEnvironment.value(Map.of("AWS_REGION", "eu-west-1"), "AWS_REGION")).isEqualTo("eu-west-1");
        assertThat(HarnessEnvironment.value(Map.of(), "ECS_CONTAINER_METADATA_URI_V4")).isNull();
    }
}
