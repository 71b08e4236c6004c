package dev.awstestharness.localcloud.internal.ecs;

import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.awaitStopped;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.container;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.registerFargate;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.localcloud.ContainerContext;
import dev.awstestharness.localcloud.LocalCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** Containers running as programs in-process: exit codes, essential containers, stopping, overrides and metadata. */
class ContainerProgramsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final EcsTestSupport.Programs PROGRAMS = new EcsTestSupport.Programs();
    static LocalCloud cloud;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        cloud = PROGRAMS.start();
        ecs = EcsTestSupport.ecs(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        ecs.close();
        cloud.close();
    }

    static RunTaskRequest.Builder fargate(RunTaskRequest.Builder request) {
        return request.launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").assignPublicIp(AssignPublicIp.DISABLED)));
    }

    static String run(String family) {
        return ecs.runTask(r -> fargate(r).taskDefinition(family)).tasks().get(0).taskArn();
    }

    static Container containerOf(Task task, String name) {
        return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachContainerRecordsTheExitCodeItsProgramReturns() {
        String family = uniqueName("codes");
        CountDownLatch yellowExited = new CountDownLatch(1);
        PROGRAMS.put(family, "blue", context -> yellowExited.await(5, TimeUnit.SECONDS) ? 3 : 99);
        PROGRAMS.put(family, "yellow", context -> {
            yellowExited.countDown();
            return 0;
        });
        registerFargate(ecs, family, container("blue"), container("yellow").toBuilder().essential(false).build());

        Task task = awaitStopped(ecs, "default", run(family));

        assertThat(containerOf(task, "blue").exitCode()).isEqualTo(3);
        assertThat(containerOf(task, "yellow").exitCode()).isZero();
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(task.stoppedReason()).isEqualTo("Essential container in task exited");
    }

    @Test
    void containersRunConcurrently() {
        String family = uniqueName("concurrent");
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch rightExited = new CountDownLatch(1);
        PROGRAMS.put(family, "left", context -> {
            bothRunning.countDown();
            if (!bothRunning.await(5, TimeUnit.SECONDS)) return 1;
            return rightExited.await(5, TimeUnit.SECONDS) ? 0 : 2;
        });
        PROGRAMS.put(family, "right", context -> {
            bothRunning.countDown();
            int code = bothRunning.await(5, TimeUnit.SECONDS) ? 0 : 1;
            rightExited.countDown();
            return code;
        });
        registerFargate(ecs, family, container("left"), container("right").toBuilder().essential(false).build());

        Task task = awaitStopped(ecs, "default", run(family));

        assertThat(task.containers()).extracting(Container::exitCode).containsExactly(0, 0);
    }

    @Test
    void anEssentialContainerThatExitsStopsTheOthersWhichEndAsTerminated() {
        String family = uniqueName("essential");
        CountDownLatch sidecarRunning = new CountDownLatch(1);
        AtomicReference<Boolean> sidecarSawStopping = new AtomicReference<>();
        PROGRAMS.put(family, "main", context -> {
            sidecarRunning.await(5, TimeUnit.SECONDS);
            return 0;
        });
        PROGRAMS.put(family, "sidecar", context -> {
            sidecarRunning.countDown();
            try {
                Thread.sleep(60_000);
                return 0;
            } finally {
                sidecarSawStopping.set(context.isStopping());
            }
        });
        registerFargate(ecs, family, container("main"), container("sidecar").toBuilder().essential(false).build());

        Task task = awaitStopped(ecs, "default", run(family));

        assertThat(containerOf(task, "main").exitCode()).isZero();
        assertThat(containerOf(task, "sidecar").exitCode()).isEqualTo(143);
        assertThat(containerOf(task, "sidecar").reason()).isNull();
        assertThat(sidecarSawStopping.get()).isTrue();
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
    }

    @Test
    void aNonEssentialContainerThatExitsLeavesTheTaskRunning() throws Exception {
        String family = uniqueName("non-essential");
        CountDownLatch helperExited = new CountDownLatch(1);
        PROGRAMS.put(family, "main", context -> context.awaitStopping(Duration.ofSeconds(10)) ? 0 : 1);
        PROGRAMS.put(family, "helper", context -> {
            helperExited.countDown();
            return 0;
        });
        registerFargate(ecs, family, container("main"), container("helper").toBuilder().essential(false).build());
        String arn = run(family);
        assertThat(helperExited.await(5, TimeUnit.SECONDS)).isTrue();

        Task running = EcsTestSupport.awaitTask(ecs, "default", arn, t -> containerOf(t, "helper").exitCode() != null, "with helper exited");

        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(containerOf(running, "main").lastStatus()).isEqualTo("RUNNING");
        assertThat(containerOf(running, "helper").lastStatus()).isEqualTo("STOPPED");
        ecs.stopTask(r -> r.task(arn));
        assertThat(containerOf(awaitStopped(ecs, "default", arn), "main").exitCode()).isZero();
    }

    @Test
    void aProgramThatThrowsExitsWithOneAndTheExceptionAsReason() {
        String family = uniqueName("throws");
        PROGRAMS.put(family, "app", context -> {
            throw new IllegalStateException("no input file");
        });
        registerFargate(ecs, family, container("app"));

        Task task = awaitStopped(ecs, "default", run(family));

        assertThat(containerOf(task, "app").exitCode()).isEqualTo(1);
        assertThat(containerOf(task, "app").reason()).isEqualTo("java.lang.IllegalStateException: no input file");
    }

    @Test
    void aProgramThatIgnoresTheStopSignalIsKilledAfterItsStopTimeout() {
        String family = uniqueName("stubborn");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PROGRAMS.put(family, "app", context -> {
            started.countDown();
            while (true) {
                try {
                    if (release.await(10, TimeUnit.SECONDS)) return 0;
                } catch (InterruptedException ignored) {
                    // a program that ignores SIGTERM
                }
            }
        });
        registerFargate(ecs, family, container("app").toBuilder().stopTimeout(2).build());
        String arn = run(family);
        try {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            long stopping = System.nanoTime();

            ecs.stopTask(r -> r.task(arn));
            Task task = awaitStopped(ecs, "default", arn);

            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(8));
            assertThat(containerOf(task, "app").exitCode()).isEqualTo(137);
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            release.countDown();
        }
    }

    @Test
    void anImageWithoutAProgramFailsTheTaskToStart() {
        String family = uniqueName("unpullable");
        registerFargate(ecs, family, container("app").toBuilder().image("public.ecr.aws/unknown/image:1").build(), container("other"));

        Task task = awaitStopped(ecs, "default", run(family));

        assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(task.stoppedReason()).startsWith("CannotPullContainerError: ")
                .contains("'public.ecr.aws/unknown/image:1'")
                .contains("LocalCloud.builder().containerImage(\"public.ecr.aws/unknown/image:1\", program)");
        assertThat(task.startedAt()).isNull();
        assertThat(containerOf(task, "app").reason()).startsWith("CannotPullContainerError: ");
        assertThat(containerOf(task, "app").exitCode()).isNull();
        assertThat(containerOf(task, "other").exitCode()).isNull();
        assertThat(task.containers()).extracting(Container::lastStatus).containsOnly("STOPPED");
    }

    @Test
    void containerOverridesReplaceTheCommandAndMergeTheEnvironment() throws Exception {
        String family = uniqueName("overrides");
        CompletableFuture<ContainerContext> seen = new CompletableFuture<>();
        PROGRAMS.put(family, "app", context -> {
            seen.complete(context);
            return 0;
        });
        registerFargate(ecs, family, container("app").toBuilder()
                .entryPoint("java", "-jar", "runner.jar")
                .command("--defaults")
                .environment(pair("KEEP", "definition"), pair("REPLACE", "definition"))
                .build());

        String arn = ecs.runTask(r -> fargate(r).taskDefinition(family).overrides(o -> o.containerOverrides(ContainerOverride.builder()
                .name("app").command("--mode", "override").environment(pair("REPLACE", "override"), pair("ADD", "override")).build())))
                .tasks().get(0).taskArn();

        ContainerContext context = seen.get(5, TimeUnit.SECONDS);
        assertThat(context.entryPoint()).containsExactly("java", "-jar", "runner.jar");
        assertThat(context.command()).containsExactly("--mode", "override");
        assertThat(context.environment()).containsEntry("KEEP", "definition").containsEntry("REPLACE", "override").containsEntry("ADD", "override")
                .containsEntry("AWS_REGION", "us-east-1").containsEntry("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE")
                .containsEntry("AWS_ENDPOINT_URL", cloud.endpoint().toString())
                .containsEntry("ECS_CONTAINER_METADATA_URI_V4", context.metadataEndpoint().toString());
        assertThat(context.containerName()).isEqualTo("app");
        assertThat(context.taskArn()).isEqualTo(arn);
        assertThat(context.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
        assertThat(context.taskDefinitionArn()).endsWith(":task-definition/" + family + ":1");
        Task task = awaitStopped(ecs, "default", arn);
        assertThat(task.overrides().containerOverrides().get(0).command()).containsExactly("--mode", "override");
    }

    @Test
    void withoutOverridesTheProgramGetsTheDefinitionsCommand() throws Exception {
        String family = uniqueName("plain");
        CompletableFuture<List<String>> command = new CompletableFuture<>();
        PROGRAMS.put(family, "app", context -> {
            command.complete(context.command());
            return 0;
        });
        registerFargate(ecs, family, container("app").toBuilder().command("serve", "--port", "80").build());

        run(family);

        assertThat(command.get(5, TimeUnit.SECONDS)).containsExactly("serve", "--port", "80");
    }

    @Test
    void aProgramFindsItsContainerNameAndTaskDefinitionAtTheMetadataEndpoint() throws Exception {
        String family = uniqueName("metadata");
        CompletableFuture<Map<String, JsonNode>> documents = new CompletableFuture<>();
        PROGRAMS.put(family, "worker", context -> {
            URI endpoint = URI.create(context.environment().get("ECS_CONTAINER_METADATA_URI_V4"));
            documents.complete(Map.of("container", get(endpoint), "task", get(URI.create(endpoint + "/task"))));
            return 0;
        });
        registerFargate(ecs, family, container("worker"));

        String arn = run(family);

        JsonNode container = documents.get(5, TimeUnit.SECONDS).get("container");
        JsonNode task = documents.get().get("task");
        assertThat(container.get("Name").asText()).isEqualTo("worker");
        assertThat(container.get("DockerId").asText()).startsWith(arn.substring(arn.lastIndexOf('/') + 1) + "-");
        assertThat(container.get("Image").asText()).isEqualTo(EcsTestSupport.IMAGE);
        assertThat(container.get("KnownStatus").asText()).isEqualTo("RUNNING");
        assertThat(container.get("Type").asText()).isEqualTo("NORMAL");
        assertThat(container.at("/Networks/0/NetworkMode").asText()).isEqualTo("awsvpc");
        JsonNode labels = container.get("Labels");
        assertThat(labels.get("com.amazonaws.ecs.task-definition-family").asText()).isEqualTo(family);
        assertThat(labels.get("com.amazonaws.ecs.task-definition-version").asText()).isEqualTo("1");
        assertThat(labels.get("com.amazonaws.ecs.container-name").asText()).isEqualTo("worker");
        assertThat(labels.get("com.amazonaws.ecs.task-arn").asText()).isEqualTo(arn);
        assertThat(labels.get("com.amazonaws.ecs.cluster").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
        assertThat(task.get("TaskARN").asText()).isEqualTo(arn);
        assertThat(task.get("Cluster").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
        assertThat(task.get("Family").asText()).isEqualTo(family);
        assertThat(task.get("Revision").asText()).isEqualTo("1");
        assertThat(task.get("DesiredStatus").asText()).isEqualTo("RUNNING");
        assertThat(task.get("KnownStatus").asText()).isEqualTo("RUNNING");
        assertThat(task.get("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(task.at("/Limits/CPU").asDouble()).isEqualTo(0.25);
        assertThat(task.at("/Limits/Memory").asInt()).isEqualTo(512);
        assertThat(task.get("Containers")).hasSize(1);
        assertThat(task.at("/Containers/0/Name").asText()).isEqualTo("worker");
    }

    @Test
    void theMetadataEndpointAnswersNotFoundForUnknownContainers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cloud.endpoint() + "/_ecs-metadata/v4/0123-45")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No container with the id '0123-45' is known");
    }

    static JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    static KeyValuePair pair(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }
}
