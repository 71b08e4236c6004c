package dev.awstestharness.localcloud.internal.ecs;

import static org.assertj.core.api.Assertions.fail;

import dev.awstestharness.localcloud.ContainerContext;
import dev.awstestharness.localcloud.ContainerProgram;
import dev.awstestharness.localcloud.LocalCloud;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Clients, names and waits that the ECS tests share. */
public final class EcsTestSupport {
    /** The image whose program is chosen per task definition family and container name: see {@link Programs}. */
    public static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/test-programs:latest";
    public static final String ROLE = "arn:aws:iam::123456789012:role/test";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private EcsTestSupport() {}

    public static EcsClient ecs(URI endpoint) {
        return EcsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SfnClient sfn(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A container definition running {@link #IMAGE}, essential unless said otherwise, 128 MiB. */
    public static ContainerDefinition container(String name) {
        return ContainerDefinition.builder().name(name).image(IMAGE).memory(128).build();
    }

    /** Registers a Fargate task definition (awsvpc, 256 CPU, 512 MiB) and returns its ARN. */
    public static String registerFargate(EcsClient ecs, String family, ContainerDefinition... containers) {
        return ecs.registerTaskDefinition(r -> r.family(family)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu("256")
                        .memory("512")
                        .executionRoleArn(ROLE)
                        .containerDefinitions(containers))
                .taskDefinition().taskDefinitionArn();
    }

    /** Polls DescribeTasks until the task satisfies {@code condition}. */
    public static Task awaitTask(EcsClient ecs, String cluster, String taskArn, Predicate<Task> condition, String what) {
        Duration timeout = Duration.ofSeconds(10);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Task task = ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().get(0);
            if (condition.test(task)) return task;
            if (System.nanoTime() > deadline) fail("Task " + taskArn + " was not " + what + " after " + timeout + "; it was " + task);
            sleep(2);
        }
    }

    public static Task awaitStopped(EcsClient ecs, String cluster, String taskArn) {
        return awaitTask(ecs, cluster, taskArn, task -> "STOPPED".equals(task.lastStatus()), "STOPPED");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The program of {@link #IMAGE}: runs what a test put for the task definition family and container name, so that
     * tests sharing one local cloud do not share programs.
     */
    public static final class Programs implements ContainerProgram {
        private final Map<String, ContainerProgram> programs = new ConcurrentHashMap<>();

        public Programs put(String family, String container, ContainerProgram program) {
            programs.put(family + "/" + container, program);
            return this;
        }

        /** A local cloud with this image registered and no waiting. */
        public LocalCloud start() {
            return LocalCloud.builder().waitScale(0).containerImage(IMAGE, this).start();
        }

        @Override
        public int run(ContainerContext context) throws Exception {
            String arn = context.taskDefinitionArn();
            String family = arn.substring(arn.indexOf('/') + 1, arn.lastIndexOf(':'));
            ContainerProgram program = programs.get(family + "/" + context.containerName());
            if (program == null) throw new IllegalStateException("The test put no program for " + family + "/" + context.containerName());
            return program.run(context);
        }
    }
}
