package dev.awstestharness.localcloud.internal.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.ContainerProgram;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Stopped tasks are kept for a while and up to a number; running tasks are always kept. */
class TaskRetentionTest {
    static final String IMAGE = "retention/test:1";

    static EcsService service(int maxStoppedTasks, Duration retention, ContainerProgram program) {
        return new EcsService(new EcsConfig("us-east-1", "123456789012", Map.of(IMAGE, program), maxStoppedTasks, retention));
    }

    static void register(EcsService ecs) {
        ObjectNode request = LocalJson.object().put("family", "retention");
        request.putArray("containerDefinitions").addObject().put("name", "app").put("image", IMAGE).put("memory", 128);
        ecs.invoke("RegisterTaskDefinition", request).join();
    }

    static String run(EcsService ecs) {
        EcsService.RunTaskResult result = ecs.runTask(LocalJson.object().put("taskDefinition", "retention"));
        try {
            result.tasks().get(0).whenStopped().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The task did not stop", e);
        }
        return result.tasks().get(0).arn();
    }

    static ObjectNode describe(EcsService ecs, List<String> arns) {
        ObjectNode request = LocalJson.object();
        arns.forEach(request.putArray("tasks")::add);
        return ecs.invoke("DescribeTasks", request).join();
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("Not " + what + " after 5 seconds");
            EcsTestSupport.sleep(5);
        }
    }

    @Test
    void beyondTheLimitTheLongestStoppedTasksAreDropped() {
        try (EcsService ecs = service(2, Duration.ofHours(1), context -> 0)) {
            register(ecs);
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < 4; i++) arns.add(run(ecs));

            eventually(() -> ecs.taskCount() == 2, "down to 2 tasks");
            ObjectNode described = describe(ecs, arns);

            assertThat(described.get("tasks")).extracting(task -> task.get("taskArn").asText()).containsExactly(arns.get(2), arns.get(3));
            assertThat(described.get("failures")).extracting(failure -> failure.get("arn").asText()).containsExactly(arns.get(0), arns.get(1));
            assertThat(ecs.stoppedTaskCount()).isEqualTo(2);
        }
    }

    @Test
    void stoppedTasksAreDroppedAfterTheRetention() {
        try (EcsService ecs = service(100, Duration.ofMillis(200), context -> 0)) {
            register(ecs);
            run(ecs);
            run(ecs);

            eventually(() -> ecs.taskCount() == 0, "every task dropped");
        }
    }

    @Test
    void runningTasksAreAlwaysKept() {
        try (EcsService ecs = service(0, Duration.ZERO, context -> context.awaitStopping(Duration.ofSeconds(10)) ? 0 : 1)) {
            register(ecs);
            EcsService.RunTaskResult result = ecs.runTask(LocalJson.object().put("taskDefinition", "retention"));

            EcsTestSupport.sleep(100);
            assertThat(ecs.taskCount()).isEqualTo(1);

            result.tasks().get(0).stop("done");
            eventually(() -> ecs.taskCount() == 0, "the stopped task dropped");
        }
    }
}
