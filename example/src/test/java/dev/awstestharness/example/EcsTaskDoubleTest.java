package dev.awstestharness.example;

import static dev.awstestharness.example.ExampleInputs.input;
import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.DynamoDbTable;
import dev.awstestharness.harness.EcsTaskContainerHandler;
import dev.awstestharness.harness.EcsTaskContainerTwin;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.ExitCode;
import dev.awstestharness.harness.S3Bucket;
import dev.awstestharness.harness.StateMachineDriver;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.TaskContext;
import dev.awstestharness.harness.TestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The ECS task doubles: task family First with containers Blue and Yellow, family Second with Orange and Green, run
 * with {@code runTask.sync}, {@code runTask.waitForTaskToken} and request-response {@code runTask} (scenarios 7 to 12).
 */
@AwsTestHarness(template = "template.yaml")
class EcsTaskDoubleTest {

    TestHarness harness;

    @Test
    void runsBothContainersOfTheTaskToCompletion() {
        S3Bucket bucket = harness.s3Bucket("First");
        DynamoDbTable table = harness.dynamoDbTable("First");
        EcsTaskContainerTwin blue = harness.twinEcsTaskContainer("First", "Blue", task -> {
            bucket.put(task.commandArgs().get(0), greeting(task));
            return ExitCode.SUCCESS;
        });
        EcsTaskContainerTwin yellow = harness.twinEcsTaskContainer("First", "Yellow", task -> {
            table.put(Map.of("PK", task.commandArgs().get(0), "SK", "greeting", "message", greeting(task)));
            return ExitCode.SUCCESS;
        });
        String outputKey = UUID.randomUUID() + ".txt";
        String greetingTemplate = "Hello {firstName} {lastName}!";

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine").execute(input("ECS_RUN_TASK_SYNC", Map.of(
                "outputKey", outputKey,
                "greetingTemplate", greetingTemplate,
                "firstName", "ECS",
                "lastName", "Developer")));

        execution.assertSucceeded();
        JsonNode containers = execution.output().at("/ecsRunTaskSync/Containers");
        assertThat(container("Blue", containers).get("ExitCode").asInt()).isZero();
        assertThat(container("Yellow", containers).get("ExitCode").asInt()).isZero();
        for (EcsTaskContainerTwin twin : List.of(blue, yellow)) {
            assertThat(twin.invocations()).singleElement().satisfies(task -> {
                assertThat(task.commandArgs()).containsExactly(outputKey, greetingTemplate);
                assertThat(task.environment()).containsEntry("FIRST_NAME", "ECS").containsEntry("LAST_NAME", "Developer");
                assertThat(task.environment().keySet()).noneMatch(name -> name.startsWith("__AWS_TEST_HARNESS__"));
            });
        }
        assertThat(bucket.get(outputKey)).isEqualTo("Hello ECS Developer!");
        assertThat(table.get(Map.of("PK", outputKey, "SK", "greeting")).get("message").asText()).isEqualTo("Hello ECS Developer!");
    }

    @Test
    void failsWhenAContainerExitsNonZero() {
        harness.twinEcsTaskContainer("First", "Blue", task -> ExitCode.of(1));
        harness.twinEcsTaskContainer("First", "Yellow", task -> ExitCode.SUCCESS);

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine").execute(input("ECS_RUN_TASK_SYNC", Map.of(
                "outputKey", "any-output-key.txt",
                "greetingTemplate", "any greeting template",
                "firstName", "any first name",
                "lastName", "any last name")));

        ExecutionFailure failure = execution.failure();
        assertThat(failure.error()).isEqualTo("States.TaskFailed");
        // the cause is the stopped task as DescribeTasks describes it
        JsonNode task = json(failure.cause());
        assertThat(container("Blue", task.get("Containers")).get("ExitCode").asInt()).isEqualTo(1);
        assertThat(container("Yellow", task.get("Containers")).get("ExitCode").asInt()).isZero();
        assertThat(task.get("LastStatus").asText()).isEqualTo("STOPPED");
        assertThat(task.get("StopCode").asText()).isEqualTo("EssentialContainerExited");
    }

    @Test
    void succeedsWithTheOutputAContainerSendsBackWithItsTaskToken() {
        StateMachineDriver exampleStateMachine = harness.stateMachine("ExampleStateMachine");
        EcsTaskContainerTwin blue = harness.twinEcsTaskContainer("First", "Blue", task -> {
            exampleStateMachine.sendTaskSuccess(task.env("AWS_STEP_FUNCTIONS_TASK_TOKEN"),
                    Map.of("result", "processed-" + task.commandArgs().get(0)));
            return ExitCode.SUCCESS;
        });
        EcsTaskContainerTwin yellow = harness.twinEcsTaskContainer("First", "Yellow", task -> ExitCode.SUCCESS);

        StateMachineExecution execution = exampleStateMachine.execute(input("ECS_RUN_TASK_CALLBACK", Map.of("data", "test-input")));

        execution.assertSucceeded();
        assertThat(execution.output().at("/ecsRunTaskCallback/result").asText()).isEqualTo("processed-test-input");
        assertThat(blue.invocations()).singleElement().satisfies(task -> assertThat(task.commandArgs()).containsExactly("test-input"));
        // the execution ends with Blue's callback; the task's other container still runs, within this test
        yellow.awaitInvocations(1, boundedWait());
    }

    @Test
    void failsWithTheErrorAContainerSendsBackWithItsTaskToken() {
        StateMachineDriver exampleStateMachine = harness.stateMachine("ExampleStateMachine");
        harness.twinEcsTaskContainer("First", "Blue", task -> {
            exampleStateMachine.sendTaskFailure(task.env("AWS_STEP_FUNCTIONS_TASK_TOKEN"), "ProcessingError", "Failed to process input data");
            return ExitCode.SUCCESS;
        });
        EcsTaskContainerTwin yellow = harness.twinEcsTaskContainer("First", "Yellow", task -> ExitCode.SUCCESS);

        StateMachineExecution execution = exampleStateMachine.execute(input("ECS_RUN_TASK_CALLBACK", Map.of("data", "invalid-input")));

        assertThat(execution.failure()).isEqualTo(ExecutionFailure.of("ProcessingError", "Failed to process input data"));
        yellow.awaitInvocations(1, boundedWait());
    }

    @Test
    void returnsAtOnceFromARunTaskWhoseContainersStillRun() throws InterruptedException {
        CountDownLatch executionEnded = new CountDownLatch(1);
        CountDownLatch containersAnswered = new CountDownLatch(2);
        AtomicBoolean aContainerWaitedInVain = new AtomicBoolean();
        // the containers answer only once the execution has ended: a RunTask that waited for them would not end
        EcsTaskContainerHandler answerAfterTheExecution = task -> {
            if (!executionEnded.await(boundedWait().toMillis(), TimeUnit.MILLISECONDS)) aContainerWaitedInVain.set(true);
            containersAnswered.countDown();
            return ExitCode.SUCCESS;
        };
        EcsTaskContainerTwin blue = harness.twinEcsTaskContainer("First", "Blue", answerAfterTheExecution);
        EcsTaskContainerTwin yellow = harness.twinEcsTaskContainer("First", "Yellow", answerAfterTheExecution);
        String outputKey = UUID.randomUUID() + ".txt";

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine").execute(input("ECS_RUN_TASK", Map.of(
                "outputKey", outputKey,
                "greetingTemplate", "Hello {firstName} {lastName}!")));
        executionEnded.countDown();

        execution.assertSucceeded();
        JsonNode runTask = execution.output().get("ecsRunTask");
        assertThat(runTask.get("Failures")).isEmpty();
        assertThat(runTask.get("Tasks")).hasSize(1);
        JsonNode task = runTask.get("Tasks").get(0);
        assertThat(task.get("LastStatus").asText()).isNotEqualTo("STOPPED");
        assertThat(task.get("Containers")).extracting(container -> container.get("Name").asText()).containsExactlyInAnyOrder("Blue", "Yellow");
        assertThat(task.get("Containers")).allSatisfy(container -> assertThat(container.has("ExitCode")).isFalse());

        assertThat(containersAnswered.await(boundedWait().toMillis(), TimeUnit.MILLISECONDS)).as("both containers ran their handlers").isTrue();
        assertThat(aContainerWaitedInVain).as("a container was still waiting for the end of the execution after %s", boundedWait()).isFalse();
        for (EcsTaskContainerTwin twin : List.of(blue, yellow)) {
            assertThat(twin.invocations()).singleElement()
                    .satisfies(invocation -> assertThat(invocation.commandArgs()).containsExactly(outputKey, "Hello {firstName} {lastName}!"));
        }
    }

    @Test
    void keepsTheInvocationsOfTwoTaskFamiliesApart() {
        EcsTaskContainerTwin blue = harness.twinEcsTaskContainer("First", "Blue", task -> ExitCode.SUCCESS);
        EcsTaskContainerTwin yellow = harness.twinEcsTaskContainer("First", "Yellow", task -> ExitCode.SUCCESS);
        EcsTaskContainerTwin orange = harness.twinEcsTaskContainer("Second", "Orange", task -> ExitCode.SUCCESS);
        EcsTaskContainerTwin green = harness.twinEcsTaskContainer("Second", "Green", task -> ExitCode.SUCCESS);

        StateMachineExecution execution = harness.stateMachine("ExampleStateMachine").execute(input("ECS_RUN_TASKS_OF_TWO_FAMILIES", Map.of(
                "firstTaskInput", "for the First family",
                "secondTaskInput", "for the Second family")));

        execution.assertSucceeded();
        JsonNode output = execution.output().get("ecsRunTasksOfTwoFamilies");
        assertThat(output.at("/first/containers")).extracting(container -> container.get("Name").asText())
                .containsExactlyInAnyOrder("Blue", "Yellow");
        assertThat(output.at("/second/containers")).extracting(container -> container.get("Name").asText())
                .containsExactlyInAnyOrder("Orange", "Green");
        for (EcsTaskContainerTwin twin : List.of(blue, yellow)) {
            assertThat(twin.invocations()).singleElement().satisfies(task -> assertThat(task.commandArgs()).containsExactly("for the First family"));
        }
        for (EcsTaskContainerTwin twin : List.of(orange, green)) {
            assertThat(twin.invocations()).singleElement().satisfies(task -> assertThat(task.commandArgs()).containsExactly("for the Second family"));
        }
    }

    /**
     * How long a test waits for something that happens within milliseconds locally when all is well, and within a
     * Fargate task's start-up on AWS: the target's execution timeout.
     */
    private Duration boundedWait() {
        return harness.defaultExecutionTimeout();
    }

    /** The greeting template (the second command argument) with FIRST_NAME and LAST_NAME of the environment filled in. */
    static String greeting(TaskContext task) {
        return task.commandArgs().get(1).replace("{firstName}", task.env("FIRST_NAME")).replace("{lastName}", task.env("LAST_NAME"));
    }

    /** The container named {@code name} in a task description's {@code Containers}. */
    static JsonNode container(String name, JsonNode containers) {
        for (JsonNode container : containers) {
            if (container.path("Name").asText().equals(name)) return container;
        }
        throw new AssertionError("No container named " + name + " in " + containers);
    }
}
