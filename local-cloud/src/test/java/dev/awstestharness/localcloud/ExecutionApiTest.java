package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineForExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class ExecutionApiTest {
    static final String DOUBLER = """
            {"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"value.$":"States.MathAdd($.value, $.value)"},"End":true}}}""";
    static final String FAILS = """
            {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Custom.Broken","Cause":"it broke"}}}""";

    static LocalCloud cloud;
    static SfnClient sfn;
    static String doubler;
    /** Waits for a task token nobody sends. */
    static String waitsForToken;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        sfn = Sfn.client(cloud);
        doubler = Sfn.create(sfn, DOUBLER);
        waitsForToken = waitsForTokenDefinition(Sfn.create(sfn, StateMachineApiTest.PASS));
    }

    /** A machine whose task starts {@code child} and then waits for its task token. */
    static String waitsForTokenDefinition(String child) {
        return """
                {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.waitForTaskToken",
                 "Parameters":{"StateMachineArn":"%s","Input":{"token.$":"$$.Task.Token"}},"End":true}}}""".formatted(child);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        cloud.close();
    }

    @Test
    void startsAnExecutionThatDescribeExecutionShowsSucceeded() {
        String name = Sfn.uniqueName("run");
        StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(doubler).name(name).input("{\"value\": 21}"));

        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:" + doubler.substring(doubler.lastIndexOf(':') + 1) + ":" + name);
        assertThat(started.startDate()).isNotNull();
        DescribeExecutionResponse described = Sfn.await(sfn, started.executionArn());
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.output()).isEqualTo("{\"value\":42}");
        assertThat(described.input()).isEqualTo("{\"value\": 21}");
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.stateMachineArn()).isEqualTo(doubler);
        assertThat(described.startDate()).isEqualTo(started.startDate());
        assertThat(described.stopDate()).isAfterOrEqualTo(described.startDate());
        assertThat(described.error()).isNull();
    }

    @Test
    void anExecutionWithoutANameGetsAUuid() {
        String arn = sfn.startExecution(r -> r.stateMachineArn(doubler).input("{\"value\":1}")).executionArn();

        assertThat(arn.substring(arn.lastIndexOf(':') + 1)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void anExecutionWithoutInputGetsAnEmptyObject() {
        String machine = Sfn.create(sfn, StateMachineApiTest.PASS);

        DescribeExecutionResponse described = Sfn.await(sfn, sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn());

        assertThat(described.input()).isEqualTo("{}");
        assertThat(described.output()).isEqualTo("{}");
    }

    @Test
    void aFailedExecutionReportsItsErrorAndCause() {
        DescribeExecutionResponse described = Sfn.run(sfn, FAILS, "{}");

        assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(described.error()).isEqualTo("Custom.Broken");
        assertThat(described.cause()).isEqualTo("it broke");
        assertThat(described.output()).isNull();
    }

    @Test
    void startingARunningExecutionAgainWithOtherInputFailsWithExecutionAlreadyExists() {
        String machine = Sfn.create(sfn, waitsForToken);
        String name = Sfn.uniqueName("once");
        String arn = sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input("{}")).executionArn();

        assertThat(sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input("{}")).executionArn())
                .as("the same name and input is an idempotent repeat").isEqualTo(arn);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input("{\"other\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageStartingWith("Execution Already Exists: '" + arn + "'");
        sfn.stopExecution(r -> r.executionArn(arn));
    }

    @Test
    void reusingTheNameOfAFinishedExecutionFailsWithExecutionAlreadyExists() {
        String name = Sfn.uniqueName("done");
        String arn = sfn.startExecution(r -> r.stateMachineArn(doubler).name(name).input("{\"value\":1}")).executionArn();
        Sfn.await(sfn, arn);

        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(doubler).name(name).input("{\"value\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void inputThatIsNotJsonFailsWithInvalidExecutionInput() {
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(doubler).input("{value: 1}")))
                .isInstanceOf(InvalidExecutionInputException.class)
                .hasMessageStartingWith("Invalid State Machine Execution Input: '")
                .hasMessageContaining("(line 1, column 2)");
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(doubler).input("{} {}")))
                .isInstanceOf(InvalidExecutionInputException.class);
    }

    @Test
    void anyJsonValueIsValidInput() {
        String machine = Sfn.create(sfn, StateMachineApiTest.PASS);

        assertThat(Sfn.await(sfn, Sfn.start(sfn, machine, "[1, \"two\"]")).output()).isEqualTo("[1,\"two\"]");
        assertThat(Sfn.await(sfn, Sfn.start(sfn, machine, "7")).output()).isEqualTo("7");
    }

    @Test
    void startingAnExecutionOfAnUnknownStateMachineFailsWithStateMachineDoesNotExist() {
        String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:Unknown";

        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageStartingWith("State Machine Does Not Exist: '" + arn + "'");
    }

    @Test
    void invalidExecutionNamesFailWithInvalidName() {
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(doubler).name("a/b")))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageStartingWith("Invalid Name: 'a/b'");
    }

    @Test
    void startExecutionWithoutAStateMachineArnFailsWithValidationException() {
        assertThatThrownBy(() -> sfn.startExecution(r -> r.input("{}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value null at 'stateMachineArn'");
    }

    @Test
    void expressStateMachinesRunWithStartExecutionUnderAnExpressArn() {
        String machine = Sfn.create(sfn, DOUBLER, StateMachineType.EXPRESS);

        String arn = sfn.startExecution(r -> r.stateMachineArn(machine).name("e1").input("{\"value\":2}")).executionArn();

        assertThat(arn).isEqualTo(machine.replace(":stateMachine:", ":express:") + ":e1");
        assertThat(Sfn.await(sfn, arn).output()).isEqualTo("{\"value\":4}");
    }

    @Test
    void startSyncExecutionReturnsTheOutputOfAnExpressExecution() {
        String machine = Sfn.create(sfn, DOUBLER, StateMachineType.EXPRESS);

        StartSyncExecutionResponse response = sfn.startSyncExecution(r -> r.stateMachineArn(machine).name("sync-1").input("{\"value\":5}"));

        assertThat(response.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(response.output()).isEqualTo("{\"value\":10}");
        assertThat(response.input()).isEqualTo("{\"value\":5}");
        assertThat(response.executionArn()).endsWith(":express:" + machine.substring(machine.lastIndexOf(':') + 1) + ":sync-1");
        assertThat(response.stateMachineArn()).isEqualTo(machine);
        assertThat(response.stopDate()).isAfterOrEqualTo(response.startDate());
        assertThat(response.billingDetails().billedDurationInMilliseconds()).isPositive();
    }

    @Test
    void startSyncExecutionReportsTheErrorOfAFailedExpressExecution() {
        String machine = Sfn.create(sfn, FAILS, StateMachineType.EXPRESS);

        StartSyncExecutionResponse response = sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{}"));

        assertThat(response.status()).isEqualTo(SyncExecutionStatus.FAILED);
        assertThat(response.error()).isEqualTo("Custom.Broken");
        assertThat(response.cause()).isEqualTo("it broke");
        assertThat(response.output()).isNull();
    }

    @Test
    void startSyncExecutionOfAStandardStateMachineFailsWithStateMachineTypeNotSupported() {
        assertThatThrownBy(() -> sfn.startSyncExecution(r -> r.stateMachineArn(doubler).input("{}")))
                .isInstanceOf(StateMachineTypeNotSupportedException.class)
                .hasMessageContaining("EXPRESS")
                .hasMessageContaining(doubler);
    }

    @Test
    void describingAnUnknownExecutionFailsWithExecutionDoesNotExist() {
        String arn = "arn:aws:states:us-east-1:123456789012:execution:Nope:never";

        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(arn)))
                .isInstanceOf(ExecutionDoesNotExistException.class)
                .hasMessageStartingWith("Execution Does Not Exist: '" + arn + "'");
    }

    @Test
    void describingAnExecutionWithAStateMachineArnFailsWithInvalidArn() {
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(doubler)))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageStartingWith("Invalid Arn: 'Resource type not valid in this context: stateMachine'");
    }

    @Test
    void describeStateMachineForExecutionShowsTheDefinitionTheExecutionRan() {
        String machine = Sfn.create(sfn, StateMachineApiTest.PASS);
        String execution = Sfn.start(sfn, machine, "{}");
        Sfn.await(sfn, execution);
        sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(StateMachineApiTest.OTHER_PASS));

        DescribeStateMachineForExecutionResponse response = sfn.describeStateMachineForExecution(r -> r.executionArn(execution));

        assertThat(response.definition()).isEqualTo(StateMachineApiTest.PASS);
        assertThat(response.stateMachineArn()).isEqualTo(machine);
    }

    @Test
    void stopExecutionAbortsARunningExecutionAndItsHistoryEndsWithExecutionAborted() {
        String machine = Sfn.create(sfn, waitsForToken);
        String arn = Sfn.start(sfn, machine, "{}");

        sfn.stopExecution(r -> r.executionArn(arn).error("Operator.Stop").cause("no longer needed"));

        DescribeExecutionResponse described = Sfn.await(sfn, arn);
        assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(described.error()).isEqualTo("Operator.Stop");
        assertThat(described.cause()).isEqualTo("no longer needed");
        assertThat(described.stopDate()).isNotNull();
        List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(arn)).events();
        HistoryEvent last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(last.executionAbortedEventDetails().error()).isEqualTo("Operator.Stop");
        assertThat(last.executionAbortedEventDetails().cause()).isEqualTo("no longer needed");
    }

    @Test
    void stoppingAnUnknownExecutionFailsWithExecutionDoesNotExist() {
        assertThatThrownBy(() -> sfn.stopExecution(r -> r.executionArn("arn:aws:states:us-east-1:123456789012:execution:Nope:x")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void listsExecutionsNewestFirstFilteredByStatusAndInPages() {
        String machine = Sfn.create(sfn, """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Ok"}],"Default":"Bad"},
                 "Ok":{"Type":"Succeed"},"Bad":{"Type":"Fail","Error":"E"}}}""");
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            boolean ok = i % 2 == 0;
            started.add(Sfn.start(sfn, machine, "{\"ok\":" + ok + "}"));
        }
        started.forEach(arn -> Sfn.await(sfn, arn));

        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListExecutionsResponse page = sfn.listExecutions(r -> r.stateMachineArn(machine).maxResults(2).nextToken(next));
            assertThat(page.executions()).hasSizeLessThanOrEqualTo(2);
            page.executions().forEach(item -> all.add(item.executionArn()));
            token = page.nextToken();
        } while (token != null);
        assertThat(all).containsExactly(started.get(4), started.get(3), started.get(2), started.get(1), started.get(0));

        List<ExecutionListItem> failed = sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED)).executions();
        assertThat(failed).extracting(ExecutionListItem::executionArn).containsExactly(started.get(3), started.get(1));
        assertThat(failed).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(item.stateMachineArn()).isEqualTo(machine);
            assertThat(item.stopDate()).isNotNull();
        });
    }

    @Test
    void listingExecutionsOfAnUnknownStateMachineFailsWithStateMachineDoesNotExist() {
        assertThatThrownBy(() -> sfn.listExecutions(r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Nope")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void anUnknownStatusFilterFailsWithValidationException() {
        assertThatThrownBy(() -> sfn.listExecutions(r -> r.stateMachineArn(doubler).statusFilter("DONE")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'DONE' at 'statusFilter'");
    }

    @Test
    void getExecutionHistoryShowsTheEventsOfASmallMachine() {
        String machine = Sfn.create(sfn, """
                {"StartAt":"First","States":{"First":{"Type":"Pass","Result":{"a":1},"Next":"Second"},"Second":{"Type":"Succeed"}}}""");
        String arn = Sfn.start(sfn, machine, "{\"in\":true}");
        Sfn.await(sfn, arn);

        GetExecutionHistoryResponse history = sfn.getExecutionHistory(r -> r.executionArn(arn));

        assertThat(history.events()).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.SUCCEED_STATE_ENTERED, HistoryEventType.SUCCEED_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(history.events()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(history.events().get(0).executionStartedEventDetails().input()).isEqualTo("{\"in\":true}");
        assertThat(history.events().get(0).executionStartedEventDetails().roleArn()).isEqualTo(Sfn.ROLE);
        assertThat(history.events().get(1).stateEnteredEventDetails().name()).isEqualTo("First");
        assertThat(history.events().get(2).stateExitedEventDetails().output()).isEqualTo("{\"a\":1}");
        assertThat(history.events().get(5).executionSucceededEventDetails().output()).isEqualTo("{\"a\":1}");
        assertThat(history.events()).allSatisfy(event -> assertThat(event.timestamp()).isNotNull());
        assertThat(history.nextToken()).isNull();
    }

    @Test
    void getExecutionHistoryPagesInReverseOrderAndCanLeaveOutExecutionData() {
        String machine = Sfn.create(sfn, """
                {"StartAt":"First","States":{"First":{"Type":"Pass","Next":"Second"},"Second":{"Type":"Pass","End":true}}}""");
        String arn = Sfn.start(sfn, machine, "{\"secret\":1}");
        Sfn.await(sfn, arn);

        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(r -> r.executionArn(arn).reverseOrder(true).maxResults(4).nextToken(next));
            page.events().forEach(event -> ids.add(event.id()));
            token = page.nextToken();
        } while (token != null);
        assertThat(ids).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);

        GetExecutionHistoryResponse withoutData = sfn.getExecutionHistory(r -> r.executionArn(arn).includeExecutionData(false));
        assertThat(withoutData.events().get(0).executionStartedEventDetails().input()).isNull();
        assertThat(withoutData.events().get(0).executionStartedEventDetails().roleArn()).isEqualTo(Sfn.ROLE);
    }

    @Test
    void getExecutionHistoryOfAnUnknownExecutionFailsWithExecutionDoesNotExist() {
        assertThatThrownBy(() -> sfn.getExecutionHistory(r -> r.executionArn("arn:aws:states:us-east-1:123456789012:execution:N:x")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }
}
