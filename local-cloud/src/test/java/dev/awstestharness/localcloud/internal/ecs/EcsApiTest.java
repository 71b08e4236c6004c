package dev.awstestharness.localcloud.internal.ecs;

import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.awaitStopped;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.container;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.registerFargate;
import static dev.awstestharness.localcloud.internal.ecs.EcsTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.localcloud.LocalCloud;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** The ECS API through the AWS SDK's ECS client: clusters, task definitions and tasks, with AWS's errors. */
class EcsApiTest {
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

    static NetworkConfiguration network() {
        return NetworkConfiguration.builder().awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0").securityGroups("sg-0123")
                .assignPublicIp(AssignPublicIp.ENABLED)).build();
    }

    static RunTaskRequest.Builder fargate(RunTaskRequest.Builder request) {
        return request.launchType(LaunchType.FARGATE).networkConfiguration(network());
    }

    /** A Fargate family whose single container "app" exits with 0 at once. */
    static String quickFamily() {
        String family = uniqueName("quick");
        PROGRAMS.put(family, "app", context -> 0);
        registerFargate(ecs, family, container("app"));
        return family;
    }

    @Nested
    class Clusters {
        @Test
        void theDefaultClusterExistsFromTheStart() {
            List<Cluster> clusters = ecs.describeClusters(r -> r.clusters("default")).clusters();

            assertThat(clusters).singleElement().satisfies(cluster -> {
                assertThat(cluster.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
                assertThat(cluster.status()).isEqualTo("ACTIVE");
            });
            assertThat(ecs.describeClusters().clusters()).extracting(Cluster::clusterName).containsExactly("default");
        }

        @Test
        void createClusterReturnsTheClusterAndIsIdempotent() {
            String name = uniqueName("cluster");

            Cluster created = ecs.createCluster(r -> r.clusterName(name)).cluster();
            Cluster again = ecs.createCluster(r -> r.clusterName(name)).cluster();

            assertThat(created.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/" + name);
            assertThat(created.status()).isEqualTo("ACTIVE");
            assertThat(created.runningTasksCount()).isZero();
            assertThat(created.settings()).singleElement().satisfies(setting -> { assertThat(setting.nameAsString()).isEqualTo("containerInsights"); assertThat(setting.value()).isEqualTo("disabled"); });
            assertThat(again.clusterArn()).isEqualTo(created.clusterArn());
            assertThat(ecs.listClusters().clusterArns()).contains(created.clusterArn());
        }

        @Test
        void describeClustersAcceptsNamesAndArnsAndReportsMissingOnesAsFailures() {
            String name = uniqueName("cluster");
            String arn = ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn();

            var described = ecs.describeClusters(r -> r.clusters(arn, "nowhere").include(ClusterField.SETTINGS));

            assertThat(described.clusters()).extracting(Cluster::clusterName).containsExactly(name);
            assertThat(described.clusters().get(0).settings()).hasSize(1);
            assertThat(described.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/nowhere");
                assertThat(failure.reason()).isEqualTo("MISSING");
            });
        }

        @Test
        void anInvalidClusterNameIsAnInvalidParameter() {
            assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("no spaces")))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("Cluster name 'no spaces' is not valid");
        }
    }

    @Nested
    class TaskDefinitions {
        @Test
        void registeringAFamilyAgainCountsRevisionsUpAndFillsInEcsDefaults() {
            String family = uniqueName("family");

            TaskDefinition first = ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app"))).taskDefinition();
            TaskDefinition second = ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app"))).taskDefinition();

            assertThat(first.revision()).isEqualTo(1);
            assertThat(second.revision()).isEqualTo(2);
            assertThat(second.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":2");
            assertThat(second.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
            assertThat(second.registeredAt()).isNotNull();
            ContainerDefinition app = second.containerDefinitions().get(0);
            assertThat(app.essential()).isTrue();
            assertThat(app.cpu()).isZero();
            assertThat(app.environment()).isEmpty();
            assertThat(second.compatibilitiesAsStrings()).contains("EC2");
        }

        @Test
        void aFargateDefinitionKeepsWhatWasRegistered() {
            String family = uniqueName("fargate");
            ContainerDefinition app = container("app").toBuilder()
                    .command("run", "--fast")
                    .entryPoint("/bin/runner")
                    .environment(KeyValuePair.builder().name("MODE").value("test").build())
                    .essential(false)
                    .build();

            TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family(family)
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("1 vCPU").memory("2 GB")
                    .taskRoleArn(EcsTestSupport.ROLE).executionRoleArn(EcsTestSupport.ROLE)
                    .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                    .containerDefinitions(app, container("main"))).taskDefinition();

            assertThat(definition.cpu()).isEqualTo("1024");
            assertThat(definition.memory()).isEqualTo("2048");
            assertThat(definition.networkMode()).isEqualTo(NetworkMode.AWSVPC);
            assertThat(definition.compatibilities()).contains(Compatibility.FARGATE);
            assertThat(definition.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
            assertThat(definition.taskRoleArn()).isEqualTo(EcsTestSupport.ROLE);
            assertThat(definition.runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
            ContainerDefinition registered = definition.containerDefinitions().get(0);
            assertThat(registered.command()).containsExactly("run", "--fast");
            assertThat(registered.entryPoint()).containsExactly("/bin/runner");
            assertThat(registered.environment()).containsExactly(KeyValuePair.builder().name("MODE").value("test").build());
            assertThat(registered.essential()).isFalse();
        }

        @Test
        void describeTaskDefinitionFindsTheLatestActiveRevisionOfAFamilyOrTheOneNamed() {
            String family = uniqueName("family");
            ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app")));
            String secondArn = ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app"))).taskDefinition().taskDefinitionArn();

            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition().revision()).isEqualTo(2);
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family + ":1")).taskDefinition().revision()).isEqualTo(1);
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(secondArn)).taskDefinition().revision()).isEqualTo(2);

            TaskDefinition deregistered = ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":2")).taskDefinition();

            assertThat(deregistered.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition().revision()).isEqualTo(1);
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(secondArn)).taskDefinition().status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
            assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns()).containsExactly(
                    "arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":1");
        }

        @Test
        void tagsAreDescribedWhenAskedFor() {
            String family = uniqueName("tagged");
            var registered = ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app"))
                    .tags(t -> t.key("team").value("data")));

            var plain = ecs.describeTaskDefinition(r -> r.taskDefinition(family));
            var withTags = ecs.describeTaskDefinition(r -> r.taskDefinition(family).include(TaskDefinitionField.TAGS));

            assertThat(registered.tags()).singleElement().satisfies(tag -> assertThat(tag.key()).isEqualTo("team"));
            assertThat(plain.tags()).isEmpty();
            assertThat(withTags.tags()).singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("data"));
        }

        @Test
        void anUnknownTaskDefinitionCannotBeDescribed() {
            assertThatThrownBy(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("never-registered")))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Unable to describe task definition.");
        }

        @Test
        void aContainerNeedsMemoryWhenTheTaskHasNone() {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family(uniqueName("family"))
                    .containerDefinitions(ContainerDefinition.builder().name("app").image("busybox").build())))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }

        @Test
        void aContainerNeedsAnImage() {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family(uniqueName("family"))
                    .containerDefinitions(ContainerDefinition.builder().name("app").memory(128).build())))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Container.image should not be null or empty.");
        }

        @Test
        void fargateNeedsAwsvpcAndTaskLevelCpuAndMemoryOfAFargateSize() {
            String family = uniqueName("fargate");
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                    .cpu("256").memory("512").containerDefinitions(container("app"))))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Fargate only supports network mode ‘awsvpc’.");
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).memory("512").containerDefinitions(container("app"))))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Fargate requires that 'cpu' be defined at the task level.");
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("4096").containerDefinitions(container("app"))))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("No Fargate configuration exists for given values: 256 CPU, 4096 memory.");
        }

        @Test
        void aFamilyNameIsRequired() {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.containerDefinitions(container("app"))))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("Family can not be blank.");
        }
    }

    @Nested
    class RunningTasks {
        @Test
        void runTaskAnswersWithTheProvisioningTaskAndItsContainersPending() {
            String family = quickFamily();

            RunTaskResponse response = ecs.runTask(r -> fargate(r).taskDefinition(family).startedBy("tester"));

            assertThat(response.failures()).isEmpty();
            Task task = response.tasks().get(0);
            assertThat(task.taskArn()).matches("arn:aws:ecs:us-east-1:123456789012:task/default/[0-9a-f]{32}");
            assertThat(task.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/default");
            assertThat(task.taskDefinitionArn()).endsWith("task-definition/" + family + ":1");
            assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(task.desiredStatus()).isEqualTo("RUNNING");
            assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(task.platformVersion()).isEqualTo("1.4.0");
            assertThat(task.group()).isEqualTo("family:" + family);
            assertThat(task.startedBy()).isEqualTo("tester");
            assertThat(task.createdAt()).isNotNull();
            assertThat(task.attachments()).singleElement().satisfies(eni -> {
                assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
                assertThat(eni.status()).isEqualTo("PRECREATED");
            });
            assertThat(task.containers()).singleElement().satisfies(container -> {
                assertThat(container.name()).isEqualTo("app");
                assertThat(container.lastStatus()).isEqualTo("PENDING");
                assertThat(container.taskArn()).isEqualTo(task.taskArn());
                assertThat(container.containerArn()).startsWith("arn:aws:ecs:us-east-1:123456789012:container/default/");
                assertThat(container.image()).isEqualTo(EcsTestSupport.IMAGE);
            });
            assertThat(task.overrides().containerOverrides()).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("app"));
        }

        @Test
        void aStoppedTaskHasItsTimesExitCodesAndADeletedNetworkInterface() {
            String family = quickFamily();
            String arn = ecs.runTask(r -> fargate(r).taskDefinition(family)).tasks().get(0).taskArn();

            Task task = awaitStopped(ecs, "default", arn);

            assertThat(task.desiredStatus()).isEqualTo("STOPPED");
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(task.stoppedReason()).isEqualTo("Essential container in task exited");
            assertThat(List.of(task.createdAt(), task.pullStartedAt(), task.pullStoppedAt(), task.startedAt(), task.stoppingAt(),
                    task.executionStoppedAt(), task.stoppedAt())).doesNotContainNull().isSorted();
            assertThat(task.connectivity().toString()).isEqualTo("CONNECTED");
            assertThat(task.version()).isGreaterThan(1);
            assertThat(task.containers()).singleElement().satisfies(container -> {
                assertThat(container.exitCode()).isZero();
                assertThat(container.lastStatus()).isEqualTo("STOPPED");
                assertThat(container.imageDigest()).startsWith("sha256:");
                assertThat(container.runtimeId()).startsWith(task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1) + "-");
                assertThat(container.networkInterfaces()).singleElement().satisfies(eni -> assertThat(eni.privateIpv4Address()).startsWith("10.0."));
            });
            assertThat(task.attachments()).singleElement().satisfies(eni -> {
                assertThat(eni.type()).isEqualTo("eni");
                assertThat(eni.status()).isEqualTo("DELETED");
                assertThat(eni.details()).extracting(d -> d.name()).containsExactly("subnetId", "networkInterfaceId", "macAddress",
                        "privateDnsName", "privateIPv4Address");
            });
        }

        @Test
        void aTaskRunsInANamedClusterByNameOrArnFromAFamilyRevisionOrArn() {
            String family = quickFamily();
            String cluster = uniqueName("cluster");
            String clusterArn = ecs.createCluster(r -> r.clusterName(cluster)).cluster().clusterArn();
            String definitionArn = ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition().taskDefinitionArn();

            Task byName = ecs.runTask(r -> fargate(r).cluster(cluster).taskDefinition(family + ":1")).tasks().get(0);
            Task byArn = ecs.runTask(r -> fargate(r).cluster(clusterArn).taskDefinition(definitionArn)).tasks().get(0);

            assertThat(byName.clusterArn()).isEqualTo(clusterArn);
            assertThat(byName.taskArn()).contains(":task/" + cluster + "/");
            assertThat(byArn.clusterArn()).isEqualTo(clusterArn);
            assertThat(byArn.taskDefinitionArn()).isEqualTo(definitionArn);
        }

        @Test
        void countRunsSeveralTasks() {
            String family = quickFamily();

            RunTaskResponse response = ecs.runTask(r -> fargate(r).taskDefinition(family).count(3));

            assertThat(response.tasks()).hasSize(3).extracting(Task::taskArn).doesNotHaveDuplicates();
        }

        @Test
        void anEc2TaskNeedsNoNetworkConfiguration() {
            String family = uniqueName("ec2");
            PROGRAMS.put(family, "app", context -> 0);
            ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app")));

            Task task = ecs.runTask(r -> r.taskDefinition(family)).tasks().get(0);

            assertThat(task.launchType()).isEqualTo(LaunchType.EC2);
            assertThat(task.attachments()).isEmpty();
            assertThat(awaitStopped(ecs, "default", task.taskArn()).containers().get(0).exitCode()).isZero();
        }

        @Test
        void aCapacityProviderStrategyRunsOnFargate() {
            String family = quickFamily();

            Task task = ecs.runTask(r -> r.taskDefinition(family).networkConfiguration(network())
                    .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1))).tasks().get(0);

            assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        }
    }

    @Nested
    class RunTaskErrors {
        @Test
        void anUnknownTaskDefinitionIsNotFound() {
            assertThatThrownBy(() -> ecs.runTask(r -> fargate(r).taskDefinition("never-registered")))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("TaskDefinition not found.");
        }

        @Test
        void anUnknownClusterIsNotFound() {
            String family = quickFamily();
            assertThatThrownBy(() -> ecs.runTask(r -> fargate(r).cluster("nowhere").taskDefinition(family)))
                    .isInstanceOf(ClusterNotFoundException.class)
                    .hasMessageStartingWith("Cluster not found.");
        }

        @Test
        void anAwsvpcTaskNeedsANetworkConfigurationWithSubnets() {
            String family = quickFamily();
            assertThatThrownBy(() -> ecs.runTask(r -> r.launchType(LaunchType.FARGATE).taskDefinition(family)))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            assertThatThrownBy(() -> ecs.runTask(r -> r.launchType(LaunchType.FARGATE).taskDefinition(family)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.securityGroups("sg-1")))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("subnets can not be empty.");
        }

        @Test
        void assignPublicIpIsEnabledOrDisabled() {
            String family = quickFamily();
            assertThatThrownBy(() -> ecs.runTask(r -> r.launchType(LaunchType.FARGATE).taskDefinition(family)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1").assignPublicIp("SOMETIMES")))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("assignPublicIp 'SOMETIMES' is not valid");
        }

        @Test
        void aLaunchTypeAndACapacityProviderStrategyExcludeEachOther() {
            String family = quickFamily();
            assertThatThrownBy(() -> ecs.runTask(r -> fargate(r).taskDefinition(family)
                    .capacityProviderStrategy(s -> s.capacityProvider("FARGATE"))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Specifying both a launch type and capacity provider strategy is not supported.");
        }

        @Test
        void fargateNeedsAFargateCompatibleDefinition() {
            String family = uniqueName("bridge");
            ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app")));
            assertThatThrownBy(() -> ecs.runTask(r -> r.launchType(LaunchType.FARGATE).taskDefinition(family)))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Task definition does not support launch_type FARGATE.");
        }

        @Test
        void anOverrideMustNameAContainerOfTheDefinition() {
            String family = quickFamily();
            assertThatThrownBy(() -> ecs.runTask(r -> fargate(r).taskDefinition(family)
                    .overrides(o -> o.containerOverrides(c -> c.name("ghost").command("x")))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Override for container named ghost is not a container in the TaskDefinition.");
        }

        @Test
        void anInactiveRevisionCannotRun() {
            String family = quickFamily();
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(family + ":1"));
            assertThatThrownBy(() -> ecs.runTask(r -> fargate(r).taskDefinition(family + ":1")))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith("TaskDefinition is inactive");
        }
    }

    @Nested
    class DescribingListingAndStopping {
        /** A family whose container "app" runs until the task stops, then returns 0 (as a program that handles SIGTERM). */
        String waitingFamily(CountDownLatch started) {
            String family = uniqueName("waiting");
            PROGRAMS.put(family, "app", context -> {
                started.countDown();
                while (!context.awaitStopping(Duration.ofSeconds(1))) {
                    // keeps running until told to stop
                }
                return 0;
            });
            registerFargate(ecs, family, container("app"));
            return family;
        }

        @Test
        void describeTasksReportsUnknownTasksAsMissingFailures() {
            String family = quickFamily();
            String arn = ecs.runTask(r -> fargate(r).taskDefinition(family)).tasks().get(0).taskArn();
            String missing = "arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef";

            DescribeTasksResponse described = ecs.describeTasks(r -> r.tasks(arn, missing));

            assertThat(described.tasks()).extracting(Task::taskArn).containsExactly(arn);
            assertThat(described.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.arn()).isEqualTo(missing);
                assertThat(failure.reason()).isEqualTo("MISSING");
            });
        }

        @Test
        void describeTasksFindsATaskByIdAndNeedsAtLeastOne() {
            String family = quickFamily();
            String arn = ecs.runTask(r -> fargate(r).taskDefinition(family)).tasks().get(0).taskArn();

            assertThat(ecs.describeTasks(r -> r.tasks(arn.substring(arn.lastIndexOf('/') + 1))).tasks()).extracting(Task::taskArn)
                    .containsExactly(arn);
            assertThatThrownBy(() -> ecs.describeTasks(r -> r.tasks(List.of())))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Tasks cannot be empty.");
        }

        @Test
        void listTasksFiltersByFamilyDesiredStatusAndStartedBy() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            String waiting = waitingFamily(started);
            String quick = quickFamily();
            String cluster = uniqueName("cluster");
            ecs.createCluster(r -> r.clusterName(cluster));
            String running = ecs.runTask(r -> fargate(r).cluster(cluster).taskDefinition(waiting).startedBy("job-7")).tasks().get(0).taskArn();
            String done = ecs.runTask(r -> fargate(r).cluster(cluster).taskDefinition(quick)).tasks().get(0).taskArn();
            awaitStopped(ecs, cluster, done);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).containsExactly(running);
            assertThat(ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED)).taskArns()).containsExactly(done);
            assertThat(ecs.listTasks(r -> r.cluster(cluster).family(quick).desiredStatus(DesiredStatus.STOPPED)).taskArns()).containsExactly(done);
            assertThat(ecs.listTasks(r -> r.cluster(cluster).startedBy("job-7")).taskArns()).containsExactly(running);
            assertThat(ecs.listTasks(r -> r.cluster(cluster).startedBy("someone-else")).taskArns()).isEmpty();
            assertThat(ecs.describeClusters(r -> r.clusters(cluster)).clusters().get(0).runningTasksCount()).isEqualTo(1);

            ecs.stopTask(r -> r.cluster(cluster).task(running));
        }

        @Test
        void stopTaskStopsARunningTaskWithTheUsersReason() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            String family = waitingFamily(started);
            String arn = ecs.runTask(r -> fargate(r).taskDefinition(family)).tasks().get(0).taskArn();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            Task stopping = ecs.stopTask(r -> r.task(arn).reason("Enough for today")).task();

            assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
            assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(stopping.stoppedReason()).isEqualTo("Enough for today");
            assertThat(stopping.stoppingAt()).isNotNull();
            Task stopped = awaitStopped(ecs, "default", arn);
            assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
            assertThat(stopped.containers().get(0).exitCode()).isZero();
        }

        @Test
        void stopTaskWithoutAReasonSaysTheUserStoppedIt() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            String family = waitingFamily(started);
            String arn = ecs.runTask(r -> fargate(r).taskDefinition(family)).tasks().get(0).taskArn();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(ecs.stopTask(r -> r.task(arn)).task().stoppedReason()).isEqualTo("Task stopped by user");
        }

        @Test
        void stopTaskOfAnUnknownTaskIsAnInvalidParameter() {
            assertThatThrownBy(() -> ecs.stopTask(r -> r.task("0123456789abcdef0123456789abcdef")))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("The referenced task was not found.");
            assertThatThrownBy(() -> ecs.stopTask(r -> r.cluster("nowhere").task("0123456789abcdef0123456789abcdef")))
                    .isInstanceOf(ClusterNotFoundException.class);
        }
    }
}
