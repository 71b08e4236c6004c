package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Whole state machines through the endpoint: the state types, waits, callbacks and nested executions. */
class WorkflowTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalCloud cloud;
    static SfnClient sfn;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        sfn = Sfn.client(cloud);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        cloud.close();
    }

    @Test
    void runsAMachineOfPassChoiceMapAndParallelStates() throws Exception {
        String definition = """
                {"StartAt":"Prepare","States":{
                  "Prepare":{"Type":"Pass","Parameters":{"items.$":"$.items","threshold":2},"Next":"Fork"},
                  "Fork":{"Type":"Parallel","Next":"Done","Branches":[
                    {"StartAt":"Classify","States":{"Classify":{"Type":"Map","ItemsPath":"$.items","End":true,
                      "ItemSelector":{"n.$":"$$.Map.Item.Value","t.$":"$.threshold"},
                      "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Big?","States":{
                        "Big?":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThanPath":"$.t","Next":"Big"}],"Default":"Small"},
                        "Big":{"Type":"Pass","Parameters":{"big.$":"$.n"},"End":true},
                        "Small":{"Type":"Pass","Parameters":{"small.$":"$.n"},"End":true}}}}}},
                    {"StartAt":"Count","States":{"Count":{"Type":"Pass","Parameters":{"count.$":"States.ArrayLength($.items)"},"End":true}}}]},
                  "Done":{"Type":"Succeed"}}}""";

        DescribeExecutionResponse described = Sfn.run(sfn, definition, "{\"items\":[1,2,3]}");

        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(described.output()))
                .isEqualTo(JSON.readTree("[[{\"small\":1},{\"small\":2},{\"big\":3}],{\"count\":3}]"));
    }

    @Test
    void aWaitOfOneHourFinishesInMillisecondsWithWaitScaleZero() {
        String definition = """
                {"StartAt":"Hour","States":{"Hour":{"Type":"Wait","Seconds":3600,"Next":"Done"},"Done":{"Type":"Succeed"}}}""";
        long began = System.nanoTime();

        DescribeExecutionResponse described = Sfn.run(sfn, definition, "{}");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Duration.between(described.startDate(), described.stopDate())).isGreaterThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCallbackTaskSucceedsWithTheOutputOfSendTaskSuccess() throws Exception {
        Callback callback = startCallback(null);

        sfn.sendTaskSuccess(r -> r.taskToken(callback.token).output("{\"approved\":true}"));

        DescribeExecutionResponse described = Sfn.await(sfn, callback.parent);
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(JSON.readTree(described.output())).isEqualTo(JSON.readTree("{\"approved\":true}"));
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(callback.parent)).events()).extracting(HistoryEvent::type)
                .contains(HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED);
    }

    @Test
    void aSecondCallbackForACompletedTaskFailsWithTaskTimedOut() {
        Callback callback = startCallback(null);
        sfn.sendTaskSuccess(r -> r.taskToken(callback.token).output("{}"));
        Sfn.await(sfn, callback.parent);

        assertThatThrownBy(() -> sfn.sendTaskFailure(r -> r.taskToken(callback.token).error("Late")))
                .isInstanceOf(TaskTimedOutException.class)
                .hasMessageContaining("Task Timed Out");
    }

    @Test
    void aCallbackTaskFailsWithTheErrorOfSendTaskFailure() {
        Callback callback = startCallback(null);

        sfn.sendTaskFailure(r -> r.taskToken(callback.token).error("Review.Rejected").cause("not today"));

        DescribeExecutionResponse described = Sfn.await(sfn, callback.parent);
        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("Review.Rejected");
        assertThat(described.cause()).isEqualTo("not today");
    }

    @Test
    void aCallbackTaskWithoutHeartbeatsFailsWithStatesHeartbeatTimeout() {
        Callback callback = startCallback(1);

        DescribeExecutionResponse described = Sfn.await(sfn, callback.parent, Duration.ofSeconds(10));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("States.HeartbeatTimeout");
        // A late SendTaskSuccess should fail with TaskTimedOut; the interpreter does not release the token of a timed-out
        // task yet (see the report on asl's TaskStep), so that is not asserted here.
    }

    @Test
    void heartbeatsKeepACallbackTaskAlive() {
        Callback callback = startCallback(1);

        for (int i = 0; i < 4; i++) {
            Sfn.sleep(400);
            sfn.sendTaskHeartbeat(r -> r.taskToken(callback.token));
        }
        sfn.sendTaskSuccess(r -> r.taskToken(callback.token).output("\"alive\""));

        DescribeExecutionResponse described = Sfn.await(sfn, callback.parent);
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.output()).isEqualTo("\"alive\"");
    }

    @Test
    void sendTaskSuccessWithOutputThatIsNotJsonFailsWithInvalidOutput() {
        Callback callback = startCallback(null);

        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(callback.token).output("approved")))
                .isInstanceOf(InvalidOutputException.class)
                .hasMessageStartingWith("Invalid Output: '");
        sfn.stopExecution(r -> r.executionArn(callback.parent));
    }

    @Test
    void callbacksWithUnknownTokensFailWithInvalidTokenOrTaskDoesNotExist() {
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("garbage").output("{}")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("garbage");
        assertThatThrownBy(() -> sfn.sendTaskFailure(r -> r.taskToken("AQBnever-issued")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(r -> r.taskToken("AQBnever-issued")))
                .isInstanceOf(TaskDoesNotExistException.class);
    }

    @Test
    void aNestedSyncExecutionReturnsTheChildOutputAsAJsonString() throws Exception {
        String child = Sfn.create(sfn, ExecutionApiTest.DOUBLER);
        String parent = Sfn.create(sfn, nested("arn:aws:states:::states:startExecution.sync", child));

        DescribeExecutionResponse described = Sfn.await(sfn, Sfn.start(sfn, parent, "{\"value\":4}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = JSON.readTree(described.output());
        assertThat(output.get("Output").isTextual()).isTrue();
        assertThat(JSON.readTree(output.get("Output").textValue())).isEqualTo(JSON.readTree("{\"value\":8}"));
        assertThat(output.get("Status").textValue()).isEqualTo("SUCCEEDED");
        String childArn = output.get("ExecutionArn").textValue();
        assertThat(sfn.describeExecution(r -> r.executionArn(childArn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(child)).executions()).extracting(ExecutionListItem::executionArn)
                .containsExactly(childArn);
    }

    @Test
    void aNestedSync2ExecutionReturnsTheChildOutputAsJson() throws Exception {
        String child = Sfn.create(sfn, ExecutionApiTest.DOUBLER);
        String parent = Sfn.create(sfn, nested("arn:aws:states:::states:startExecution.sync:2", child));

        DescribeExecutionResponse described = Sfn.await(sfn, Sfn.start(sfn, parent, "{\"value\":4}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = JSON.readTree(described.output());
        assertThat(output.get("Output")).isEqualTo(JSON.readTree("{\"value\":8}"));
        assertThat(output.get("Input")).isEqualTo(JSON.readTree("{\"value\":4}"));
    }

    @Test
    void aFailingNestedExecutionFailsTheTaskWithStatesTaskFailedAndTheDescribedExecutionAsCause() throws Exception {
        String child = Sfn.create(sfn, ExecutionApiTest.FAILS);
        String parent = Sfn.create(sfn, nested("arn:aws:states:::states:startExecution.sync", child));

        DescribeExecutionResponse described = Sfn.await(sfn, Sfn.start(sfn, parent, "{\"value\":1}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("States.TaskFailed");
        JsonNode cause = JSON.readTree(described.cause());
        assertThat(cause.get("Status").textValue()).isEqualTo("FAILED");
        assertThat(cause.get("Error").textValue()).isEqualTo("Custom.Broken");
        assertThat(cause.get("Cause").textValue()).isEqualTo("it broke");
        assertThat(cause.get("StateMachineArn").textValue()).isEqualTo(child);
        String childArn = cause.get("ExecutionArn").textValue();
        assertThat(sfn.describeExecution(r -> r.executionArn(childArn)).status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void aNestedExecutionOfAnUnknownStateMachineFailsTheTaskNamingIt() {
        String missing = "arn:aws:states:us-east-1:123456789012:stateMachine:DoesNotExist";
        String parent = Sfn.create(sfn, nested("arn:aws:states:::states:startExecution.sync", missing));

        DescribeExecutionResponse described = Sfn.await(sfn, Sfn.start(sfn, parent, "{\"value\":1}"));

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
        assertThat(described.cause()).startsWith("State Machine Does Not Exist: '" + missing + "'");
    }

    @Test
    void stoppingAParentStopsItsNestedSyncExecution() {
        String grandchild = Sfn.create(sfn, StateMachineApiTest.PASS);
        String child = Sfn.create(sfn, ExecutionApiTest.waitsForTokenDefinition(grandchild));
        String parent = Sfn.create(sfn, nested("arn:aws:states:::states:startExecution.sync", child));
        String parentArn = Sfn.start(sfn, parent, "{\"value\":1}");
        String childArn = awaitOnlyExecution(child).executionArn();

        sfn.stopExecution(r -> r.executionArn(parentArn));

        assertThat(Sfn.await(sfn, parentArn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(Sfn.await(sfn, childArn).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    /** A parent started on a machine whose task starts a child with its task token in the input, and that token. */
    private record Callback(String parent, String token) {}

    private Callback startCallback(Integer heartbeatSeconds) {
        String child = Sfn.create(sfn, StateMachineApiTest.PASS);
        String parent = Sfn.create(sfn, """
                {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.waitForTaskToken",%s
                 "Parameters":{"StateMachineArn":"%s","Input":{"token.$":"$$.Task.Token"}},"End":true}}}"""
                .formatted(heartbeatSeconds == null ? "" : "\"HeartbeatSeconds\":" + heartbeatSeconds + ",", child));
        String parentArn = Sfn.start(sfn, parent, "{}");
        ExecutionListItem childExecution = awaitOnlyExecution(child);
        try {
            JsonNode input = JSON.readTree(sfn.describeExecution(r -> r.executionArn(childExecution.executionArn())).input());
            return new Callback(parentArn, input.get("token").textValue());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ExecutionListItem awaitOnlyExecution(String stateMachineArn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<ExecutionListItem> executions = sfn.listExecutions(r -> r.stateMachineArn(stateMachineArn)).executions();
            if (!executions.isEmpty()) return executions.get(0);
            Sfn.sleep(5);
        }
        return fail("No execution of " + stateMachineArn + " was started within 5 seconds");
    }

    private static String nested(String resource, String child) {
        return """
                {"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"%s",
                 "Parameters":{"StateMachineArn":"%s","Input":{"value.$":"$.value"}},"End":true}}}""".formatted(resource, child);
    }
}
