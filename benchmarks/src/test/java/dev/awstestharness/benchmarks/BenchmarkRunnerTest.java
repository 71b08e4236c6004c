package dev.awstestharness.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunnerTest {
    /** shared/perf/workloads beside the repository, as seen from this module's folder (where surefire runs). */
    private static final Path SHARED_WORKLOADS = Path.of("../../shared/perf/workloads");

    private static JsonNode json(String text) throws Exception {
        return Workload.MAPPER.readTree(text);
    }

    @Test
    void numbersAreEqualByValueAndObjectsInAnyOrder() throws Exception {
        assertThat(JsonEquality.same(json("{\"a\":2,\"b\":[1.0,\"x\"]}"), json("{\"b\":[1,\"x\"],\"a\":2.00}"))).isTrue();
        assertThat(JsonEquality.same(json("{\"a\":2}"), json("{\"a\":\"2\"}"))).isFalse();
        assertThat(JsonEquality.same(json("[1,2]"), json("[2,1]"))).isFalse();
        assertThat(JsonEquality.same(json("{\"a\":1}"), json("{\"a\":1,\"b\":null}"))).isFalse();
        assertThat(JsonEquality.same(json("10000000000000000000000"), json("1e22"))).isTrue();
    }

    @Test
    void everySharedWorkloadRunsAndMatchesItsExpectedOutput() {
        assumeTrue(Files.isDirectory(SHARED_WORKLOADS), "shared/perf/workloads is not beside the repository");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchmarkRunner.run(quickOptions(SHARED_WORKLOADS), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("# dev.awstestharness:asl");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(Workload.load(SHARED_WORKLOADS, List.of()).size())
                .allMatch(line -> line.matches("\\S+ \\d+\\.\\d \\d+\\.\\d{3}"), "<name> <exec/s> <µs/state>");
    }

    @Test
    void aWrongExpectedOutputAbortsTheRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("w.json"), """
                {"name": "w", "stateCount": 1, "input": {"a": 1}, "expected": {"a": 2},
                 "definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchmarkRunner.run(quickOptions(dir), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ABORTED at workload w").contains("differs from \"expected\"");
    }

    @Test
    void echoPayloadHookServesEveryTaskResourceAndCounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"name": "t", "stateCount": 2, "taskHook": {"kind": "echo-payload"}, "input": {"n": 1},
                 "expected": {"Payload": {"Payload": {"n": 1}}},
                 "definition": {"StartAt": "A", "States": {
                   "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"n.$": "$.n"}, "Next": "B"},
                   "B": {"Type": "Parallel", "OutputPath": "$[0]", "End": true, "Branches": [{"StartAt": "C", "States": {
                     "C": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}]}}}}
                """);
        Workload workload = Workload.read(dir.resolve("t.json"));
        assertThat(workload.taskResources()).containsExactly("arn:aws:states:::lambda:invoke", "arn:aws:states:::sqs:sendMessage");
        ObjectNode result;
        try (Interpreter interpreter = Interpreter.builder().executor(Runnable::run).waitScale(0).build()) {
            result = BenchmarkRunner.bench(interpreter, workload, quickOptions(dir));
        }
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("hookCallsPerExecution").asLong()).isEqualTo(2);
    }

    @Test
    void anUnknownHookKindFailsClearly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("u.json"), """
                {"name": "u", "stateCount": 1, "taskHook": {"kind": "teleport"}, "input": {}, "expected": {},
                 "definition": {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}}
                """);
        Workload workload = Workload.read(dir.resolve("u.json"));
        try (Interpreter interpreter = Interpreter.builder().executor(Runnable::run).waitScale(0).build()) {
            assertThatThrownBy(() -> BenchmarkRunner.bench(interpreter, workload, quickOptions(dir)))
                    .hasMessageContaining("unknown taskHook kind 'teleport'");
        }
    }

    private static BenchmarkRunner.Options quickOptions(Path dir) {
        return BenchmarkRunner.Options.parse(new String[] {
            "--workloads", dir.toString(), "--reps", "1", "--min-time", "0", "--warmup", "0", "--wait-quiet", "0", "--max-bg", "99"});
    }
}
