package dev.awstestharness.harness;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@AwsTestHarness(template = TestTemplate.PATH)
class EcsTaskContainerTwinTest {
    private static final Map<String, Object> INPUT = Map.of("kind", "ecs", "args", List.of("out.txt", "Hello {}!"), "greeting", "hi");

    @Test
    void eachContainerGetsItsCommandAndEnvironmentAndExitsWithItsTwinsCode(TestHarness harness) {
        var red = harness.twinEcsTaskContainer("Alpha", "Red", task -> ExitCode.SUCCESS);
        var green = harness.twinEcsTaskContainer("Alpha", "Green", task -> ExitCode.SUCCESS);

        var execution = harness.stateMachine("Tiny").execute(INPUT);

        execution.assertSucceeded();
        assertThat(exitCodes(execution.output())).containsExactlyInAnyOrderEntriesOf(Map.of("Red", 0, "Green", 0));
        TaskContext redTask = red.invocations().get(0);
        assertThat(redTask.commandArgs()).containsExactly("out.txt", "Hello {}!");
        assertThat(redTask.env("GREETING")).isEqualTo("hi");
        assertThat(redTask.environment()).noneSatisfy((name, value) -> assertThat(name).startsWith("__AWS_TEST_HARNESS__"));
        assertThat(green.invocations()).singleElement().satisfies(task -> {
            assertThat(task.commandArgs()).containsExactly("out.txt", "Hello {}!");
            assertThat(task.env("GREETING")).isNull();
        });
    }

    @Test
    void aNonZeroExitCodeFailsTheTaskWithStatesTaskFailed(TestHarness harness) {
        harness.twinEcsTaskContainer("Alpha", "Red", task -> ExitCode.of(3));
        harness.twinEcsTaskContainer("Alpha", "Green", task -> ExitCode.SUCCESS);

        var failure = harness.stateMachine("Tiny").execute(INPUT).failure();

        assertThat(failure.error()).isEqualTo("States.TaskFailed");
        assertThat(exitCodes(json(failure.cause()))).containsExactlyInAnyOrderEntriesOf(Map.of("Red", 3, "Green", 0));
    }

    @Test
    void twinsOfAnotherFamilyDoNotSeeTheCalls(TestHarness harness) {
        var alphaRed = harness.twinEcsTaskContainer("Alpha", "Red", task -> ExitCode.SUCCESS);
        var solo = harness.twinEcsTaskContainer("Beta", "Solo", task -> ExitCode.SUCCESS);

        harness.stateMachine("Tiny").execute(Map.of("kind", "ecsBeta", "args", List.of("just-beta"))).assertSucceeded();

        assertThat(solo.invocations()).singleElement().satisfies(task -> assertThat(task.commandArgs()).containsExactly("just-beta"));
        assertThat(alphaRed.invocations()).isEmpty();
        assertThat(harness.ecsTaskContainerTwin("Beta", "Solo")).isSameAs(solo);
        assertThat(solo.name()).isEqualTo("Beta#Solo");
    }

    @Test
    void aContainerTheFamilyDoesNotDeclareCannotBeTwinned(TestHarness harness) {
        assertThatThrownBy(() -> harness.twinEcsTaskContainer("Alpha", "Blue", task -> ExitCode.SUCCESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The ECS task double 'Alpha' has no container 'Blue'")
                .hasMessageContaining("declares its containers Red, Green");
    }

    /** Container name → exit code, from a DescribeTasks-shaped task ({@code Containers[].Name/ExitCode}). */
    static Map<String, Integer> exitCodes(JsonNode task) {
        JsonNode containers = task.has("containers") ? task.get("containers") : task.get("Containers");
        Map<String, Integer> codes = new java.util.LinkedHashMap<>();
        containers.forEach(container -> codes.put(container.get("Name").asText(), container.get("ExitCode").asInt()));
        return codes;
    }
}
