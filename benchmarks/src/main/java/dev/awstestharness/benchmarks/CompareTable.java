package dev.awstestharness.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the side-by-side table of benchmarks/compare from the JSON results of both runners (the same format): for
 * each workload, the median over rounds of each side's executions/s (each itself the median of its repetitions), the
 * ratio ours / peer of those medians, and the ratio of every round.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.awstestharness.benchmarks.CompareTable [--bar 5] --ours a.json [b.json ...] --peer c.json [d.json ...]};
 * the k-th file of each side is round k. Exits 3 when a workload misses the bar (ratio of the medians below it), 2 when
 * a workload has no result on one side.
 */
public final class CompareTable {
    private CompareTable() {}

    public static void main(String[] args) throws IOException {
        List<Path> ours = new ArrayList<>();
        List<Path> peer = new ArrayList<>();
        double bar = 5;
        List<Path> current = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ours" -> current = ours;
                case "--peer" -> current = peer;
                case "--bar" -> bar = Double.parseDouble(args[++i]);
                default -> {
                    if (current == null) throw new IllegalArgumentException("name --ours or --peer before the files: " + args[i]);
                    current.add(Path.of(args[i]));
                }
            }
        }
        if (ours.isEmpty() || peer.isEmpty()) {
            System.err.println("usage: CompareTable [--bar 5] --ours ours-1.json [...] --peer peer-1.json [...]");
            System.exit(64);
        }
        List<JsonNode> oursRuns = read(ours);
        List<JsonNode> peerRuns = read(peer);

        Map<String, Integer> stateCounts = new LinkedHashMap<>();
        for (JsonNode run : oursRuns) for (JsonNode r : run.path("results")) stateCounts.putIfAbsent(r.path("name").asText(), r.path("stateCount").asInt());
        for (JsonNode run : peerRuns) for (JsonNode r : run.path("results")) stateCounts.putIfAbsent(r.path("name").asText(), r.path("stateCount").asInt());

        System.out.println("| workload | states | ours exec/s | ours µs/state | peer exec/s | peer µs/state | ours / peer | per round | >= " + num(bar) + "x |");
        System.out.println("|:--|--:|--:|--:|--:|--:|--:|:--|:-:|");
        int exit = 0;
        for (Map.Entry<String, Integer> w : stateCounts.entrySet()) {
            String name = w.getKey();
            List<Double> o = execPerSec(oursRuns, name);
            List<Double> p = execPerSec(peerRuns, name);
            StringBuilder rounds = new StringBuilder();
            for (int k = 0; k < Math.min(oursRuns.size(), peerRuns.size()); k++) {
                Double ok = execPerSec(oursRuns.get(k), name);
                Double pk = execPerSec(peerRuns.get(k), name);
                rounds.append(rounds.length() == 0 ? "" : " / ").append(ok == null || pk == null ? "-" : String.format(Locale.ROOT, "%.1f", ok / pk));
            }
            if (o.isEmpty() || p.isEmpty()) {
                System.out.printf(Locale.ROOT, "| %s | %d | %s | | %s | | | %s | no result |%n", name, w.getValue(),
                        o.isEmpty() ? "FAILED" : String.format(Locale.ROOT, "%.1f", median(o)), p.isEmpty() ? "FAILED" : String.format(Locale.ROOT, "%.1f", median(p)), rounds);
                exit = Math.max(exit, 2);
                continue;
            }
            double mo = median(o);
            double mp = median(p);
            double ratio = mo / mp;
            boolean pass = ratio >= bar;
            if (!pass && exit == 0) exit = 3;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.3f | %.1f | %.2f | %.1f | %s | %s |%n", name, w.getValue(), mo,
                    1e6 / mo / w.getValue(), mp, 1e6 / mp / w.getValue(), ratio, rounds, pass ? "yes" : "NO");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%d round(s); exec/s = median over rounds of each round's median repetition; ours / peer = ratio of those medians.%n",
                Math.min(oursRuns.size(), peerRuns.size()));
        JsonNode oe = oursRuns.get(0).path("env");
        JsonNode pe = peerRuns.get(0).path("env");
        System.out.printf("ours: Java %s, %s, flags [%s], %s | peer: %s on Node %s | %s x%s, %s GiB%n", oe.path("java").asText(), oe.path("vm").asText(),
                oe.path("jvmFlags").asText(), oe.path("gc").asText(), pe.path("peer").asText(), pe.path("node").asText(),
                oe.path("cpuModel").asText(), oe.path("nproc").asText(), oe.path("memGiB").asText());
        System.exit(exit);
    }

    private static List<JsonNode> read(List<Path> files) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        for (Path f : files) runs.add(Workload.MAPPER.readTree(f.toFile()));
        return runs;
    }

    private static List<Double> execPerSec(List<JsonNode> runs, String name) {
        List<Double> values = new ArrayList<>();
        for (JsonNode run : runs) {
            Double v = execPerSec(run, name);
            if (v != null) values.add(v);
        }
        return values;
    }

    private static Double execPerSec(JsonNode run, String name) {
        for (JsonNode r : run.path("results")) {
            if (r.path("name").asText().equals(name) && r.path("ok").asBoolean(false)) return r.path("execPerSec").asDouble();
        }
        return null;
    }

    private static double median(List<Double> values) {
        return BenchmarkRunner.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
