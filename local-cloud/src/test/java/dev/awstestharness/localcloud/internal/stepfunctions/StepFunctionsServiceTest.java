package dev.awstestharness.localcloud.internal.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.ExecutionStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepFunctionsServiceTest {
    @Test
    void startSyncExecutionTimesOutAnExpressExecutionThatRunsTooLong() throws Exception {
        StepFunctionsConfig config = new StepFunctionsConfig("us-east-1", "123456789012", 1.0, 100, Duration.ofHours(1), Duration.ofMillis(200));
        try (StepFunctionsService service = new StepFunctionsService(config)) {
            String machine = service.invoke("CreateStateMachine", request("name", "Slow", "type", "EXPRESS",
                    "roleArn", "arn:aws:iam::123456789012:role/r",
                    "definition", "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}"))
                    .join().get("stateMachineArn").textValue();

            ObjectNode response = service.invoke("StartSyncExecution", request("stateMachineArn", machine)).get(10, TimeUnit.SECONDS);

            assertThat(response.get("status").textValue()).isEqualTo("TIMED_OUT");
            assertThat(response.get("error").textValue()).isEqualTo("States.Timeout");
            assertThat(response.get("cause").textValue()).contains("StartSyncExecution");
            String arn = response.get("executionArn").textValue();
            assertThat(service.execution(arn).orElseThrow().status()).as("the execution is stopped").isEqualTo(ExecutionStatus.ABORTED);
        }
    }

    @Test
    void describeExecutionShowsARunningExecutionWithoutStopDateOrOutput() {
        try (StepFunctionsService service = new StepFunctionsService(StepFunctionsConfig.defaults())) {
            String machine = service.invoke("CreateStateMachine", request("name", "Waits", "roleArn", "arn:aws:iam::123456789012:role/r",
                    "definition", "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}"))
                    .join().get("stateMachineArn").textValue();
            String arn = service.invoke("StartExecution", request("stateMachineArn", machine)).join().get("executionArn").textValue();

            ObjectNode described = service.invoke("DescribeExecution", request("executionArn", arn)).join();

            assertThat(described.get("status").textValue()).isEqualTo("RUNNING");
            assertThat(described.has("stopDate")).isFalse();
            assertThat(described.has("output")).isFalse();
            assertThat(described.get("input").textValue()).isEqualTo("{}");
            ObjectNode stopped = service.invoke("StopExecution", request("executionArn", arn)).join();
            assertThat(stopped.get("stopDate").isDouble()).isTrue();
            ObjectNode after = service.invoke("DescribeExecution", request("executionArn", arn)).join();
            assertThat(after.get("status").textValue()).isEqualTo("ABORTED");
            assertThat(after.has("error")).isFalse();
        }
    }

    private static ObjectNode request(String... fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < fields.length; i += 2) node.put(fields[i], fields[i + 1]);
        return node;
    }
}
