package dev.awstestharness.doubles.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.doubles.LocalDoubles;
import dev.awstestharness.doubles.TestResponder;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.InvocationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The runner's {@code main} in a process of its own, as in a real container: exit codes and SIGTERM. */
@SuppressWarnings("try") // a responder answers while it is open
class EcsTaskRunnerProcessTest extends EcsTaskSupport {
    TaskDefinition processTaskDefinition(Map<String, String> extra, String... containers) {
        Map<String, String> environment = new java.util.HashMap<>(session.environment("First"));
        environment.putAll(extra);
        return taskDefinition("First", LocalDoubles.PROCESS_RUNNER_IMAGE, environment, containers);
    }

    @Test
    void theProcessExitsWithTheTwinsExitCodeAndSendsItsArguments() {
        TaskDefinition definition = processTaskDefinition(Map.of(), "Blue");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(42))) {

            Task task = awaitTask(runTask(definition, override("Blue", List.of("a", "b c"), Map.of("FIRST_NAME", "ECS"))),
                    t -> "STOPPED".equals(t.lastStatus()), Duration.ofSeconds(30));

            assertThat(exitCode(task, "Blue")).isEqualTo(42);
            assertThat(responder.received()).singleElement().satisfies(received -> {
                assertThat(received.invocation().target()).isEqualTo("First#Blue");
                assertThat(received.invocation().payload().get("commandArgs")).isEqualTo(LocalDoubles.json("[\"a\",\"b c\"]"));
                assertThat(received.invocation().payload().at("/environment/FIRST_NAME").asText()).isEqualTo("ECS");
            });
        }
    }

    @Test
    void aProcessTerminatedWhileWaitingStillExitsWithTheAnswerThatArrivesSoonAfter() throws Exception {
        TaskDefinition definition = processTaskDefinition(Map.of(), "Blue");
        CountDownLatch stopped = new CountDownLatch(1);
        try (TestResponder responder = session.respondWith(invocation -> {
            stopped.await(30, TimeUnit.SECONDS);
            LocalDoubles.sleep(Duration.ofMillis(300));
            return InvocationResult.exit(7);
        })) {
            String taskArn = runTask(definition);
            responder.awaitReceived(1);

            doubles.ecs.stopTask(r -> r.task(taskArn).reason("test"));
            stopped.countDown();
            Task task = awaitTask(taskArn, t -> "STOPPED".equals(t.lastStatus()), Duration.ofSeconds(30));

            assertThat(exitCode(task, "Blue")).isEqualTo(7);
        }
    }

    @Test
    void aProcessTerminatedWithoutAnAnswerExitsWith143() {
        TaskDefinition definition = processTaskDefinition(Map.of(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, "1000"), "Blue");
        try (TestResponder responder = session.respondWith(invocation -> null)) {
            String taskArn = runTask(definition);
            responder.awaitReceived(1);

            doubles.ecs.stopTask(r -> r.task(taskArn).reason("test"));
            Task task = awaitTask(taskArn, t -> "STOPPED".equals(t.lastStatus()), Duration.ofSeconds(30));

            assertThat(exitCode(task, "Blue")).isEqualTo(143);
        }
    }
}
