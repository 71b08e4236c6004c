package dev.awstestharness.doubles.ecs;


import dev.awstestharness.doubles.LocalDoubles;
import dev.awstestharness.doubles.TestResponder;
import dev.awstestharness.doubles.contract.Invocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** A local cloud with the runner images, and task definitions, tasks and waits for the ECS runner's tests. */
abstract class EcsTaskSupport {
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

    /** A task definition of the declared family {@code doubleName} with one container per name, all on {@code image}. */
    TaskDefinition taskDefinition(String doubleName, String image, Map<String, String> environment, String... containers) {
        List<KeyValuePair> variables = new ArrayList<>();
        environment.forEach((name, value) -> variables.add(KeyValuePair.builder().name(name).value(value).build()));
        List<ContainerDefinition> definitions = new ArrayList<>();
        for (String container : containers) {
            definitions.add(ContainerDefinition.builder().name(container).image(image).essential(true).environment(variables)
                    .command("definition-command").build());
        }
        return doubles.ecs.registerTaskDefinition(r -> r.family(LocalDoubles.uniqueName(doubleName + "AWSTestHarnessECSTaskDefinition"))
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .executionRoleArn(LocalDoubles.ROLE).containerDefinitions(definitions)).taskDefinition();
    }

    TaskDefinition taskDefinition(String doubleName, String... containers) {
        return taskDefinition(doubleName, LocalDoubles.RUNNER_IMAGE, session.environment(doubleName), containers);
    }

    String runTask(TaskDefinition definition, ContainerOverride... overrides) {
        return doubles.ecs.runTask(r -> r.taskDefinition(definition.taskDefinitionArn()).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").assignPublicIp(AssignPublicIp.DISABLED)))
                .overrides(o -> o.containerOverrides(overrides))).tasks().get(0).taskArn();
    }

    static ContainerOverride override(String container, List<String> command, Map<String, String> environment) {
        List<KeyValuePair> variables = new ArrayList<>();
        environment.forEach((name, value) -> variables.add(KeyValuePair.builder().name(name).value(value).build()));
        return ContainerOverride.builder().name(container).command(command).environment(variables).build();
    }

    Task awaitTask(String taskArn, Predicate<Task> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Task task = doubles.ecs.describeTasks(r -> r.tasks(taskArn)).tasks().get(0);
            if (condition.test(task) || System.nanoTime() > deadline) return task;
            LocalDoubles.sleep(Duration.ofMillis(2));
        }
    }

    Task awaitStopped(String taskArn) {
        return awaitTask(taskArn, task -> "STOPPED".equals(task.lastStatus()), Duration.ofSeconds(10));
    }

    static Integer exitCode(Task task, String container) {
        return task.containers().stream().filter(c -> c.name().equals(container)).map(Container::exitCode).findFirst().orElseThrow();
    }

    static Invocation invocationOf(List<TestResponder.Received> received, String target) {
        return received.stream().map(TestResponder.Received::invocation).filter(i -> i.target().equals(target)).findFirst().orElseThrow();
    }
}
