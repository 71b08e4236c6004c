package dev.awstestharness.doubles.ecs;

import static dev.awstestharness.doubles.LocalDoubles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.LocalDoubles;
import dev.awstestharness.doubles.TestResponder;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.InvocationResult;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The ECS runner as the program of the runner image in the local cloud, its tasks started with RunTask. */
@SuppressWarnings("try") // a responder answers while it is open
class EcsTaskRunnerTest extends EcsTaskSupport {
    @Test
    void eachContainerExitsWithTheCodeItsTwinReturns() {
        TaskDefinition definition = taskDefinition("First", "Blue", "Yellow");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(invocation.target().endsWith("#Blue") ? 0 : 3))) {

            Task task = awaitStopped(runTask(definition));

            assertThat(exitCode(task, "Blue")).isZero();
            assertThat(exitCode(task, "Yellow")).isEqualTo(3);
            assertThat(task.stopCode()).hasToString("EssentialContainerExited");
            assertThat(responder.received()).extracting(received -> received.invocation().target())
                    .containsExactlyInAnyOrder("First#Blue", "First#Yellow");
        }
    }

    @Test
    void theInvocationCarriesTheOverriddenCommandAndEnvironmentWithoutTheHarnessVariables() {
        TaskDefinition definition = taskDefinition("First", "Blue", "Yellow");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(0))) {

            awaitStopped(runTask(definition,
                    override("Blue", List.of("s3-key", "Hello {}!"), Map.of("FIRST_NAME", "ECS", "LAST_NAME", "Developer")),
                    override("Yellow", List.of("dynamodb-key", "Hi {}"), Map.of("FIRST_NAME", "Yellow"))));

            List<TestResponder.Received> received = responder.awaitReceived(2);
            Invocation blue = invocationOf(received, "First#Blue");
            assertThat(blue.kind()).isEqualTo(DoubleKind.ECS_TASK_CONTAINER);
            assertThat(blue.payload().get("commandArgs")).isEqualTo(json("[\"s3-key\",\"Hello {}!\"]"));
            JsonNode environment = blue.payload().get("environment");
            assertThat(environment.get("FIRST_NAME").asText()).isEqualTo("ECS");
            assertThat(environment.get("LAST_NAME").asText()).isEqualTo("Developer");
            assertThat(environment.get("AWS_REGION").asText()).isEqualTo("us-east-1");
            assertThat(environment.get("ECS_CONTAINER_METADATA_URI_V4").asText()).startsWith("http://127.0.0.1:");
            Iterator<String> names = environment.fieldNames();
            names.forEachRemaining(name -> assertThat(name).doesNotStartWith(HarnessEnvironment.PREFIX));
            Invocation yellow = invocationOf(received, "First#Yellow");
            assertThat(yellow.payload().get("commandArgs")).isEqualTo(json("[\"dynamodb-key\",\"Hi {}\"]"));
            assertThat(yellow.payload().at("/environment/FIRST_NAME").asText()).isEqualTo("Yellow");
            assertThat(yellow.payload().at("/environment/LAST_NAME").isMissingNode()).isTrue();
        }
    }

    @Test
    void withoutOverridesTheDefinitionsCommandIsSent() {
        TaskDefinition definition = taskDefinition("First", "Blue");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(0))) {
            awaitStopped(runTask(definition));

            assertThat(responder.awaitReceived(1).get(0).invocation().payload().get("commandArgs")).isEqualTo(json("[\"definition-command\"]"));
        }
    }

    @Test
    void theInvocationIsTaggedWithTheSessionAndIdentifiedByAUniqueId() {
        TaskDefinition definition = taskDefinition("First", "Blue", "Yellow");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(0))) {
            awaitStopped(runTask(definition));

            List<TestResponder.Received> received = responder.awaitReceived(2);
            assertThat(received).allSatisfy(r -> {
                assertThat(r.invocation().sessionId()).isEqualTo(session.sessionId);
                assertThat(r.attributes()).containsEntry(EventsQueue.SESSION_ATTRIBUTE, session.sessionId)
                        .containsEntry(EventsQueue.KIND_ATTRIBUTE, "ECS_TASK_CONTAINER");
                assertThat(r.messageGroupId()).isEqualTo(r.invocation().invocationId());
                assertThat(r.invocation().invocationId()).matches("[0-9a-f-]{36}");
            });
            assertThat(received.get(0).invocation().invocationId()).isNotEqualTo(received.get(1).invocation().invocationId());
        }
    }

    @Test
    void withoutADeclaredNameTheTaskDefinitionFamilyNamesTheDouble() {
        Map<String, String> environment = new java.util.HashMap<>(session.environment("First"));
        environment.remove(HarnessEnvironment.DOUBLE_NAME);
        TaskDefinition definition = taskDefinition("First", LocalDoubles.RUNNER_IMAGE, environment, "Blue");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(0))) {
            awaitStopped(runTask(definition));

            assertThat(responder.awaitReceived(1).get(0).invocation().target()).isEqualTo(definition.family() + "#Blue");
        }
    }

    @Test
    void withoutAnAnswerTheContainerSaysWhatItWaitedForAndExitsWithOne() {
        Map<String, String> environment = new java.util.HashMap<>(session.environment("First"));
        environment.put(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, "100");
        TaskDefinition definition = taskDefinition("First", LocalDoubles.CAPTURING_RUNNER_IMAGE, environment, "Blue");
        try (TestResponder responder = session.respondWith(invocation -> null)) {
            String taskArn = runTask(definition);

            Task task = awaitStopped(taskArn);

            assertThat(exitCode(task, "Blue")).isEqualTo(1);
            String invocationId = responder.awaitReceived(1).get(0).invocation().invocationId();
            assertThat(doubles.runnerErrors()).contains("No answer from the harness for invocation " + invocationId
                    + " of ECS task container double 'First#Blue' (task " + taskArn + ") within 100 ms; is the test's harness running and is "
                    + "its session current? Exiting with 1.");
        }
    }

    @Test
    void aTwinsErrorIsReportedAndTheContainerExitsWithOne() {
        TaskDefinition definition = taskDefinition("First", LocalDoubles.CAPTURING_RUNNER_IMAGE, session.environment("First"), "Blue");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.thrown("AwsTestHarness.NoTwin",
                "No twin for the ECS task container double First#Blue"))) {

            Task task = awaitStopped(runTask(definition));

            assertThat(exitCode(task, "Blue")).isEqualTo(1);
            assertThat(doubles.runnerErrors()).contains("failed invocation", "AwsTestHarness.NoTwin: No twin for the ECS task container double First#Blue");
        }
    }

    @Test
    void aContainerStoppedWhileWaitingStillExitsWithTheAnswerThatArrivesSoonAfter() {
        TaskDefinition definition = taskDefinition("First", "Blue", "Yellow");
        try (TestResponder responder = session.respondWith(invocation -> {
            if (invocation.target().endsWith("#Yellow")) {
                LocalDoubles.sleep(Duration.ofMillis(300)); // Blue's exit stops the task while Yellow waits
                return InvocationResult.exit(0);
            }
            return InvocationResult.exit(1);
        })) {

            Task task = awaitStopped(runTask(definition));

            assertThat(exitCode(task, "Blue")).isEqualTo(1);
            assertThat(exitCode(task, "Yellow")).isZero();
        }
    }

    @Test
    void aContainerStoppedWithoutAnAnswerExitsAsTerminated() {
        Map<String, String> environment = new java.util.HashMap<>(session.environment("First"));
        environment.put(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, "1000");
        TaskDefinition definition = taskDefinition("First", LocalDoubles.CAPTURING_RUNNER_IMAGE, environment, "Blue");
        try (TestResponder responder = session.respondWith(invocation -> null)) {
            String taskArn = runTask(definition);
            String invocationId = responder.awaitReceived(1).get(0).invocation().invocationId();

            doubles.ecs.stopTask(r -> r.task(taskArn).reason("test"));
            Task task = awaitTask(taskArn, t -> "STOPPED".equals(t.lastStatus()), Duration.ofSeconds(10));

            assertThat(exitCode(task, "Blue")).isEqualTo(EcsTaskRunner.STOPPED_EXIT_CODE);
            assertThat(doubles.runnerErrors()).containsPattern("was stopped while waiting for the answer to invocation " + invocationId
                    + " and had none within \\d+ ms more; exiting with 143\\.");
        }
    }

    @Test
    void aContainerToldToStopBeforeItSentItsInvocationStillRelaysItAndExitsWithTheAnswer() throws Exception {
        com.sun.net.httpserver.HttpServer metadata = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        metadata.createContext("/v4/blue", exchange -> {
            byte[] body = """
                    {"Name": "Blue", "Labels": {"com.amazonaws.ecs.task-definition-family": "FirstFamily",
                     "com.amazonaws.ecs.task-arn": "arn:aws:ecs:us-east-1:000000000000:task/default/abc"}}""".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metadata.start();
        Map<String, String> environment = new java.util.HashMap<>(session.environment("First"));
        environment.put(EcsTaskRunner.METADATA_URI_VARIABLE, "http://127.0.0.1:" + metadata.getAddress().getPort() + "/v4/blue");
        try (TestResponder responder = session.respondWith(invocation -> InvocationResult.exit(7))) {
            var exitCode = new java.util.concurrent.CompletableFuture<Integer>();
            Thread container = new Thread(() -> {
                Thread.currentThread().interrupt(); // the stop signal arrives before the first request
                exitCode.complete(EcsTaskRunner.run(environment, List.of("go"), new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
            });
            container.start();

            assertThat(exitCode.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(responder.awaitReceived(1).get(0).invocation().target()).isEqualTo("First#Blue");
        } finally {
            metadata.stop(0);
        }
    }

    @Test
    void withoutAMetadataEndpointItSaysSoAndExitsWithOne() {
        var err = new java.io.ByteArrayOutputStream();

        int exitCode = EcsTaskRunner.run(session.environment("First"), List.of(), new java.io.PrintStream(err, true));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("lacks the environment variable ECS_CONTAINER_METADATA_URI_V4");
    }

    @Test
    void readsNameFamilyAndTaskFromTheMetadataDocument() {
        EcsTaskRunner.ContainerMetadata metadata = EcsTaskRunner.ContainerMetadata.parse("""
                {"DockerId": "ea32192c8553fbff06c9340478a2ff089b2bb5646fb718b4ee206641c9086d66", "Name": "Blue", "DockerName": "Blue",
                 "Labels": {"com.amazonaws.ecs.cluster": "arn:aws:ecs:us-west-2:111122223333:cluster/default",
                            "com.amazonaws.ecs.container-name": "Blue",
                            "com.amazonaws.ecs.task-arn": "arn:aws:ecs:us-west-2:111122223333:task/default/158d1c8083dd49d6b527399fd6414f5c",
                            "com.amazonaws.ecs.task-definition-family": "FirstAWSTestHarnessECSTaskDefinition-AbC",
                            "com.amazonaws.ecs.task-definition-version": "7"}}""", URI.create("http://169.254.170.2/v4/x"));

        assertThat(metadata).isEqualTo(new EcsTaskRunner.ContainerMetadata("Blue", "FirstAWSTestHarnessECSTaskDefinition-AbC", "7",
                "arn:aws:ecs:us-west-2:111122223333:task/default/158d1c8083dd49d6b527399fd6414f5c",
                "arn:aws:ecs:us-west-2:111122223333:cluster/default"));
    }
}
