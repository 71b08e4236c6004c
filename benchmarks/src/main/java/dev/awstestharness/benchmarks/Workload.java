package dev.awstestharness.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One workload file of shared/perf/workloads: {@code {name, note, stateCount, [taskHook], definition, input, expected}}.
 *
 * @param taskHook {@code null} when the workload has no Task states to serve
 */
record Workload(String name, String note, int stateCount, JsonNode taskHook, JsonNode definition, JsonNode input, JsonNode expected) {
    /** The order the peer runner uses (shared/perf/common.mjs); other workloads follow, sorted by name. */
    static final List<String> ORDER = List.of("chain20", "choice_loop", "map1000", "parallel10", "task100", "intrinsics");

    static final ObjectMapper MAPPER = new ObjectMapper();

    static Workload read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workload " + file + ": " + e.getMessage(), e);
        }
        String name = required(root, "name", file).asText();
        JsonNode stateCount = required(root, "stateCount", file);
        if (!stateCount.canConvertToInt() || stateCount.intValue() < 1) {
            throw new IllegalArgumentException(file + ": stateCount must be a positive integer but was " + stateCount);
        }
        JsonNode hook = root.get("taskHook");
        return new Workload(name, root.path("note").asText(""), stateCount.intValue(), hook == null || hook.isNull() ? null : hook,
                required(root, "definition", file), required(root, "input", file), required(root, "expected", file));
    }

    private static JsonNode required(JsonNode root, String field, Path file) {
        JsonNode value = root.get(field);
        if (value == null) throw new IllegalArgumentException(file + ": the workload has no '" + field + "'");
        return value;
    }

    /**
     * The workloads in {@code dir}, in the peer's order; {@code only} (names) selects some of them, empty selects all.
     * A name that matches no file is an error.
     */
    static List<Workload> load(Path dir, List<String> only) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("workload folder not found: " + dir.toAbsolutePath().normalize()
                    + " (pass --workloads DIR; the default is ../shared/perf/workloads, relative to the repository root)");
        }
        List<String> present = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .sorted()
                    .forEach(present::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        for (String n : ORDER) if (present.contains(n)) names.add(n);
        for (String n : present) if (!ORDER.contains(n)) names.add(n);
        for (String wanted : only) {
            if (!names.contains(wanted)) {
                throw new IllegalArgumentException("no workload named '" + wanted + "' in " + dir + " (there are: " + String.join(", ", names) + ")");
            }
        }
        List<Workload> workloads = new ArrayList<>();
        for (String n : names) {
            if (only.isEmpty() || only.contains(n)) workloads.add(read(dir.resolve(n + ".json")));
        }
        return workloads;
    }

    /** The {@code Resource} of every Task state of the definition, Parallel branches and Map processors included. */
    Set<String> taskResources() {
        Set<String> resources = new LinkedHashSet<>();
        collectTaskResources(definition, resources);
        return resources;
    }

    private static void collectTaskResources(JsonNode graph, Set<String> into) {
        JsonNode states = graph.path("States");
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            JsonNode state = it.next().getValue();
            switch (state.path("Type").asText()) {
                case "Task" -> {
                    if (state.path("Resource").isTextual()) into.add(state.get("Resource").textValue());
                }
                case "Parallel" -> {
                    for (JsonNode branch : state.path("Branches")) collectTaskResources(branch, into);
                }
                case "Map" -> collectTaskResources(state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator"), into);
                default -> {}
            }
        }
    }
}
