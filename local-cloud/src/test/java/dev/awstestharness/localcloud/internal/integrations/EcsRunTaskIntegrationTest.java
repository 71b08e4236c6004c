package dev.awstestharness.localcloud.internal.integrations;

import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.awaitStopped;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.container;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.registerFargate;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.localcloud.ContainerContext;
import dev.awstestharness.localcloud.LocalCloud;
import dev.awstestharness.localcloud.internal.ecs.EcsTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code arn:aws:states:::ecs:runTask} in its three patterns, through real state machines and the Step Functions API. */
class EcsRunTaskIntegrationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final EcsTestSupport.Programs PROGRAMS = new EcsTestSupport.Programs();
    static LocalCloud cloud;
    static EcsClient ecs;
    static SfnClient sfn;

    @BeforeAll
    static void start() {
        cloud = PROGRAMS.start();
        ecs = EcsTestSupport.ecs(cloud.endpoint());
        sfn = EcsTestSupport.sfn(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        ecs.close();
        cloud.close();
    }

    /** A Task state running the family on Fargate, with {@code extra} members (JSON, may be empty) in its Parameters. */
    static String runTaskMachine(String resource, String family, String extraParameters, String extraState) {
        return """
                {"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"%s",%s"Parameters":{
                  "Cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/default",
                  "TaskDefinition":"%s",
                  "LaunchType":"FARGATE",
                  "NetworkConfiguration":{"AwsvpcConfiguration":{"Subnets":["subnet-0123"],"SecurityGroups":["sg-0123"],"AssignPublicIp":"ENABLED"}}%s
                },"End":true}}}""".formatted(resource, extraState, family, extraParameters.isEmpty() ? "" : "," + extraParameters);
    }

    static DescribeExecutionResponse execute(String definition, String input) {
        String machine = sfn.createStateMachine(r -> r.name(uniqueName("machine")).definition(definition).roleArn(EcsTestSupport.ROLE))
                .stateMachineArn();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
        return await(execution);
    }

    static String startExecution(String definition, String input) {
        String machine = sfn.createStateMachine(r -> r.name(uniqueName("machine")).definition(definition).roleArn(EcsTestSupport.ROLE))
                .stateMachineArn();
        return sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
    }

    static DescribeExecutionResponse await(String executionArn) {
        Duration timeout = Duration.ofSeconds(10);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (described.status() != ExecutionStatus.RUNNING) return described;
            if (System.nanoTime() > deadline) fail("Execution " + executionArn + " was still RUNNING after " + timeout);
            EcsTestSupport.sleep(2);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    static JsonNode containerNamed(JsonNode task, String name) {
        for (JsonNode container : task.get("Containers")) {
            if (container.get("Name").asText().equals(name)) return container;
        }
        throw new AssertionError("No container " + name + " in " + task);
    }

    @Nested
    class RequestResponse {
        @Test
        void returnsTheRunTaskResponseAtOnceWhileTheTaskRuns() throws Exception {
            String family = uniqueName("request-response");
            CompletableFuture<String> taskArn = new CompletableFuture<>();
            PROGRAMS.put(family, "app", context -> {
                taskArn.complete(context.taskArn());
                return context.awaitStopping(Duration.ofSeconds(10)) ? 0 : 1;
            });
            registerFargate(ecs, family, container("app"));

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask", family, "", ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = json(execution.output());
            assertThat(output.get("Failures")).isEmpty();
            assertThat(output.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
            assertThat(output.at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText()).isEqualTo("application/x-amz-json-1.1");
            assertThat(output.at("/SdkResponseMetadata/RequestId").asText()).isEqualTo(output.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText());
            JsonNode task = output.at("/Tasks/0");
            assertThat(task.get("LastStatus").asText()).isEqualTo("PROVISIONING");
            assertThat(task.get("DesiredStatus").asText()).isEqualTo("RUNNING");
            assertThat(task.get("LaunchType").asText()).isEqualTo("FARGATE");
            assertThat(task.get("TaskDefinitionArn").asText()).endsWith(":task-definition/" + family + ":1");
            assertThat(task.get("CreatedAt").isIntegralNumber()).isTrue();
            assertThat(task.get("CreatedAt").asLong()).isGreaterThan(1_600_000_000_000L);
            assertThat(task.has("StartedBy")).isFalse();
            assertThat(task.at("/Attachments/0/Type").asText()).isEqualTo("ElasticNetworkInterface");
            assertThat(task.at("/Containers/0/Name").asText()).isEqualTo("app");
            assertThat(task.at("/Containers/0/LastStatus").asText()).isEqualTo("PENDING");
            assertThat(task.at("/Containers/0/GpuIds").isArray()).isTrue();
            JsonNode override = task.at("/Overrides/ContainerOverrides/0");
            assertThat(override.get("Name").asText()).isEqualTo("app");
            assertThat(override.get("Command")).isEmpty();
            assertThat(override.get("Environment")).isEmpty();
            String arn = task.get("TaskArn").asText();
            assertThat(taskArn.get(5, TimeUnit.SECONDS)).isEqualTo(arn);
            assertThat(ecs.describeTasks(r -> r.tasks(arn)).tasks().get(0).lastStatus()).isEqualTo("RUNNING");
            ecs.stopTask(r -> r.task(arn));
            awaitStopped(ecs, "default", arn);
        }

        @Test
        void anUnknownTaskDefinitionFailsTheStateWithTheEcsError() {
            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", "never-registered", "", ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("ECS.ClientException");
            assertThat(execution.cause()).matches("TaskDefinition not found\\. \\(Service: AmazonECS; Status Code: 400; Error Code: ClientException; "
                    + "Request ID: [0-9a-f-]{36}; Proxy: null\\)");
        }

        @Test
        void anUnknownClusterFailsTheStateWithClusterNotFound() {
            String family = uniqueName("no-cluster");
            registerFargate(ecs, family, container("app"));
            String definition = runTaskMachine("arn:aws:states:::ecs:runTask", family, "", "")
                    .replace("cluster/default", "cluster/nowhere");

            DescribeExecutionResponse execution = execute(definition, "{}");

            assertThat(execution.error()).isEqualTo("ECS.ClusterNotFoundException");
            assertThat(execution.cause()).startsWith("Cluster not found. (Service: AmazonECS; Status Code: 400; Error Code: ClusterNotFoundException;");
        }
    }

    @Nested
    class RunAJob {
        @Test
        void waitsForTheTaskToStopAndReturnsItAsDescribed() {
            String family = uniqueName("sync");
            PROGRAMS.put(family, "app", context -> 0);
            registerFargate(ecs, family, container("app"));

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode task = json(execution.output());
            assertThat(task.get("LastStatus").asText()).isEqualTo("STOPPED");
            assertThat(task.get("DesiredStatus").asText()).isEqualTo("STOPPED");
            assertThat(task.get("StopCode").asText()).isEqualTo("EssentialContainerExited");
            assertThat(task.get("StoppedReason").asText()).isEqualTo("Essential container in task exited");
            assertThat(task.get("StartedBy").asText()).isEqualTo("AWS Step Functions");
            assertThat(task.get("TaskArn").asText()).startsWith("arn:aws:ecs:us-east-1:123456789012:task/default/");
            assertThat(task.get("TaskDefinitionArn").asText()).endsWith(":task-definition/" + family + ":1");
            assertThat(task.get("ClusterArn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
            assertThat(task.get("Group").asText()).isEqualTo("family:" + family);
            assertThat(task.get("StoppedAt").isIntegralNumber()).isTrue();
            assertThat(task.get("StoppedAt").asLong()).isGreaterThanOrEqualTo(task.get("StartedAt").asLong());
            assertThat(task.at("/Attachments/0/Status").asText()).isEqualTo("DELETED");
            JsonNode app = containerNamed(task, "app");
            assertThat(app.get("ExitCode").asInt()).isZero();
            assertThat(app.get("LastStatus").asText()).isEqualTo("STOPPED");
            assertThat(app.get("ContainerArn").asText()).startsWith("arn:aws:ecs:us-east-1:123456789012:container/default/");
            assertThat(task.has("SdkHttpMetadata")).isFalse();
        }

        @Test
        void aContainerExitingNonZeroFailsTheStateWithTheTaskAsCause() {
            String family = uniqueName("two-containers");
            PROGRAMS.put(family, "Blue", context -> 1);
            PROGRAMS.put(family, "Yellow", context -> context.awaitStopping(Duration.ofSeconds(10)) ? 0 : 2);
            registerFargate(ecs, family, container("Blue"), container("Yellow"));

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.TaskFailed");
            JsonNode task = json(execution.cause());
            assertThat(task.get("LastStatus").asText()).isEqualTo("STOPPED");
            assertThat(task.get("StopCode").asText()).isEqualTo("EssentialContainerExited");
            assertThat(task.get("StoppedReason").asText()).isEqualTo("Essential container in task exited");
            assertThat(containerNamed(task, "Blue").get("ExitCode").asInt()).isEqualTo(1);
            assertThat(containerNamed(task, "Yellow").get("ExitCode").asInt()).isZero();
        }

        @Test
        void aCatcherGetsTheFailedTaskAndCanReadTheExitCodes() {
            String family = uniqueName("caught");
            PROGRAMS.put(family, "app", context -> 7);
            registerFargate(ecs, family, container("app"));
            String definition = """
                    {"StartAt":"Run","States":{
                      "Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","Parameters":{"TaskDefinition":"%s",
                        "LaunchType":"FARGATE","NetworkConfiguration":{"AwsvpcConfiguration":{"Subnets":["subnet-1"]}}},
                        "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.failure","Next":"Inspect"}],"End":true},
                      "Inspect":{"Type":"Pass","Parameters":{"task.$":"States.StringToJson($.failure.Cause)"},"OutputPath":"$.task.Containers[0].ExitCode","End":true}}}"""
                    .formatted(family);

            DescribeExecutionResponse execution = execute(definition, "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output()).isEqualTo("7");
        }

        @Test
        void anImageWithoutAProgramFailsTheStateAsATaskThatFailedToStart() {
            String family = uniqueName("unpullable");
            registerFargate(ecs, family, container("app").toBuilder().image("example/not-registered:1").build());

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", ""), "{}");

            assertThat(execution.error()).isEqualTo("States.TaskFailed");
            JsonNode task = json(execution.cause());
            assertThat(task.get("StopCode").asText()).isEqualTo("TaskFailedToStart");
            assertThat(task.get("StoppedReason").asText()).startsWith("CannotPullContainerError: ");
        }

        @Test
        void containerOverridesFromTheInputReachTheProgram() throws Exception {
            String family = uniqueName("overrides");
            CompletableFuture<ContainerContext> seen = new CompletableFuture<>();
            PROGRAMS.put(family, "app", context -> {
                seen.complete(context);
                return 0;
            });
            registerFargate(ecs, family, container("app").toBuilder().command("default").build());
            String overrides = """
                    "Overrides":{"ContainerOverrides":[{"Name":"app","Command.$":"$.command",
                      "Environment":[{"Name":"GREETING","Value.$":"$.greeting"},{"Name":"EXECUTION","Value.$":"$$.Execution.Name"}]}]}""";

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, overrides, ""),
                    "{\"command\":[\"process\",\"--day\",\"2024-01-01\"],\"greeting\":\"hello\"}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            ContainerContext context = seen.get(5, TimeUnit.SECONDS);
            assertThat(context.command()).containsExactly("process", "--day", "2024-01-01");
            assertThat(context.environment()).containsEntry("GREETING", "hello").containsEntry("EXECUTION", execution.name());
            JsonNode override = json(execution.output()).at("/Overrides/ContainerOverrides/0");
            assertThat(override.get("Command")).hasSize(3);
            assertThat(override.at("/Environment/0/Name").asText()).isEqualTo("GREETING");
            assertThat(override.at("/Environment/0/Value").asText()).isEqualTo("hello");
        }

        @Test
        void theProgramReadsItsContainerNameAndTaskDefinitionFromTheMetadataEndpoint() throws Exception {
            String family = uniqueName("metadata");
            CompletableFuture<JsonNode> metadata = new CompletableFuture<>();
            PROGRAMS.put(family, "runner", context -> {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(context.environment().get("ECS_CONTAINER_METADATA_URI_V4") + "/task")).build(),
                        HttpResponse.BodyHandlers.ofString());
                metadata.complete(JSON.readTree(response.body()));
                return 0;
            });
            registerFargate(ecs, family, container("runner"));

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode task = metadata.get(5, TimeUnit.SECONDS);
            assertThat(task.get("Family").asText()).isEqualTo(family);
            assertThat(task.get("TaskARN").asText()).isEqualTo(json(execution.output()).get("TaskArn").asText());
            assertThat(task.at("/Containers/0/Name").asText()).isEqualTo("runner");
        }

        @Test
        void stopTaskWhileTheStateWaitsFailsItWithTheStoppedTask() throws Exception {
            String family = uniqueName("stopped-by-user");
            CompletableFuture<String> taskArn = new CompletableFuture<>();
            PROGRAMS.put(family, "app", context -> {
                taskArn.complete(context.taskArn());
                Thread.sleep(30_000); // interrupted by the stop: exits as terminated (143)
                return 0;
            });
            registerFargate(ecs, family, container("app"));
            String execution = startExecution(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", ""), "{}");
            String arn = taskArn.get(5, TimeUnit.SECONDS);

            ecs.stopTask(r -> r.task(arn).reason("Maintenance window"));

            DescribeExecutionResponse described = await(execution);
            assertThat(described.error()).isEqualTo("States.TaskFailed");
            JsonNode task = json(described.cause());
            assertThat(task.get("StopCode").asText()).isEqualTo("UserInitiated");
            assertThat(task.get("StoppedReason").asText()).isEqualTo("Maintenance window");
            assertThat(containerNamed(task, "app").get("ExitCode").asInt()).isEqualTo(143);
        }

        @Test
        void stopExecutionStopsTheRunningTask() throws Exception {
            String family = uniqueName("stop-execution");
            CompletableFuture<String> taskArn = new CompletableFuture<>();
            CompletableFuture<Boolean> told = new CompletableFuture<>();
            PROGRAMS.put(family, "app", context -> {
                taskArn.complete(context.taskArn());
                told.complete(context.awaitStopping(Duration.ofSeconds(10)));
                return 0;
            });
            registerFargate(ecs, family, container("app"));
            String execution = startExecution(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", ""), "{}");
            String arn = taskArn.get(5, TimeUnit.SECONDS);

            sfn.stopExecution(r -> r.executionArn(execution).error("Operator.Abort"));

            assertThat(await(execution).status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(told.get(5, TimeUnit.SECONDS)).isTrue();
            Task task = awaitStopped(ecs, "default", arn);
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(task.stoppedReason()).isEqualTo(EcsRunTaskIntegration.STOP_REASON);
        }

        @Test
        void aTaskTimeoutStopsTheRunningTask() throws Exception {
            String family = uniqueName("timeout");
            CompletableFuture<String> taskArn = new CompletableFuture<>();
            PROGRAMS.put(family, "app", context -> {
                taskArn.complete(context.taskArn());
                Thread.sleep(30_000);
                return 0;
            });
            registerFargate(ecs, family, container("app"));

            DescribeExecutionResponse execution = execute(runTaskMachine("arn:aws:states:::ecs:runTask.sync", family, "", "\"TimeoutSeconds\":1,"),
                    "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("States.Timeout");
            Task task = awaitStopped(ecs, "default", taskArn.get(5, TimeUnit.SECONDS));
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(task.containers().get(0).exitCode()).isEqualTo(143);
        }
    }

    @Nested
    class WaitForTaskToken {
        static final String TOKEN_OVERRIDE = """
                "Overrides":{"ContainerOverrides":[{"Name":"app","Environment":[{"Name":"AWS_STEP_FUNCTIONS_TASK_TOKEN","Value.$":"$$.Task.Token"}]}]}""";

        @Test
        void theContainerCallsBackWithSendTaskSuccessUsingTheTokenFromItsEnvironment() {
            String family = uniqueName("callback");
            PROGRAMS.put(family, "app", context -> {
                try (SfnClient client = EcsTestSupport.sfn(URI.create(context.environment().get("AWS_ENDPOINT_URL")))) {
                    String token = context.environment().get("AWS_STEP_FUNCTIONS_TASK_TOKEN");
                    client.sendTaskSuccess(r -> r.taskToken(token).output("{\"processedBy\":\"" + context.containerName() + "\"}"));
                }
                return 0;
            });
            registerFargate(ecs, family, container("app"));

            DescribeExecutionResponse execution = execute(
                    runTaskMachine("arn:aws:states:::ecs:runTask.waitForTaskToken", family, TOKEN_OVERRIDE, ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(json(execution.output())).isEqualTo(json("{\"processedBy\":\"app\"}"));
            List<String> events = sfn.getExecutionHistory(r -> r.executionArn(execution.executionArn())).events().stream()
                    .map(event -> event.typeAsString()).toList();
            assertThat(events).contains("TaskSubmitted", "TaskSucceeded");
        }

        @Test
        void theContainerCanFailTheStateWithSendTaskFailure() {
            String family = uniqueName("callback-failure");
            PROGRAMS.put(family, "app", context -> {
                try (SfnClient client = EcsTestSupport.sfn(URI.create(context.environment().get("AWS_ENDPOINT_URL")))) {
                    client.sendTaskFailure(r -> r.taskToken(context.environment().get("AWS_STEP_FUNCTIONS_TASK_TOKEN"))
                            .error("Report.Invalid").cause("row 7 has no id"));
                }
                return 1;
            });
            registerFargate(ecs, family, container("app"));

            DescribeExecutionResponse execution = execute(
                    runTaskMachine("arn:aws:states:::ecs:runTask.waitForTaskToken", family, TOKEN_OVERRIDE, ""), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("Report.Invalid");
            assertThat(execution.cause()).isEqualTo("row 7 has no id");
        }
    }
}
