package dev.awstestharness.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionRequest;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.Interpreter;
import dev.awstestharness.asl.StateMachineDefinition;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Throughput of the asl interpreter on the workloads of shared/perf, with the method of the peer runner
 * (shared/perf/bench-peer.mjs), so that the numbers compare side by side:
 *
 * <ol>
 *   <li>parse the definition once ({@code StateMachineDefinition.parse}), timed separately (median of 20 parses);
 *   <li>check the first execution's output against {@code expected};
 *   <li>warm up for {@code --warmup} seconds (and at least 5 executions);
 *   <li>run {@code --reps} repetitions; each runs whole executions, one at a time, until it has lasted at least
 *       {@code --min-time} seconds (and 3 executions); a GC is forced before each; the outputs of the first and the last
 *       execution of every repetition are checked against {@code expected} (after the clock stops);
 *   <li>report the MEDIAN repetition: executions per second and µs per state (µs per execution / stateCount).
 * </ol>
 *
 * <p>One {@link Interpreter} serves all workloads; it runs executions on the caller's thread
 * ({@code executor(Runnable::run)}) and skips waits ({@code waitScale(0)}). Like the peer runner, it waits before each
 * workload for the machine to be quiet and redoes a repetition during which other processes used more than
 * {@code --max-bg} cores.
 *
 * <p>Output: a header line (starting with {@code #}) with the JVM and the machine, then one line per workload:
 * {@code <name> <executions per second> <microseconds per state>}. Details go to standard error; {@code --out FILE}
 * writes everything as JSON, in the peer's result format.
 */
public final class BenchmarkRunner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration AWAIT = Duration.ofMinutes(5);
    private static final int CONSTRUCTIONS = 20;

    private BenchmarkRunner() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        int exit = run(options, System.out, System.err);
        System.exit(exit);
    }

    static int run(Options options, PrintStream out, PrintStream err) {
        List<Workload> workloads;
        try {
            workloads = Workload.load(options.dir, options.only);
        } catch (RuntimeException e) {
            err.println("benchmarks: " + e.getMessage());
            return 64;
        }
        ObjectNode env = environment(options);
        out.println(header(env));
        out.flush();

        ArrayNode results = NODES.arrayNode();
        int exit = 0;
        try (Interpreter interpreter = Interpreter.builder().executor(Runnable::run).waitScale(0).build()) {
            for (Workload workload : workloads) {
                try {
                    ObjectNode result = bench(interpreter, workload, options);
                    results.add(result);
                    out.printf(Locale.ROOT, "%s %.1f %.3f%n", workload.name(), result.get("execPerSec").doubleValue(),
                            result.get("usPerState").doubleValue());
                    out.flush();
                    err.println(details(result));
                } catch (BenchmarkFailure e) {
                    ObjectNode failed = results.addObject();
                    failed.put("name", workload.name());
                    failed.put("stateCount", workload.stateCount());
                    failed.put("ok", false);
                    failed.put("error", e.getMessage());
                    out.flush();
                    err.println("benchmarks: ABORTED at workload " + workload.name() + ": " + e.getMessage());
                    exit = 1;
                    break;
                }
            }
        }
        env.put("loadavgEnd", loadavg());
        if (options.out != null) {
            ObjectNode document = NODES.objectNode();
            document.set("env", env);
            document.set("results", results);
            try {
                if (options.out.toAbsolutePath().getParent() != null) Files.createDirectories(options.out.toAbsolutePath().getParent());
                Files.writeString(options.out, Workload.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
                err.println("wrote " + options.out);
            } catch (IOException e) {
                err.println("benchmarks: cannot write " + options.out + ": " + e.getMessage());
                exit = Math.max(exit, 1);
            }
        }
        return exit;
    }

    /** A workload that cannot be measured: its output is wrong, an execution failed, the hook misbehaved. */
    static final class BenchmarkFailure extends RuntimeException {
        BenchmarkFailure(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ one workload

    static ObjectNode bench(Interpreter interpreter, Workload workload, Options options) {
        ObjectNode res = NODES.objectNode();
        res.put("name", workload.name());
        res.put("stateCount", workload.stateCount());
        if (options.waitQuiet > 0) {
            LoadProbe.Quiet quiet = LoadProbe.waitForQuiet(options.maxBg, options.waitQuiet);
            ObjectNode q = res.putObject("quietWait");
            q.put("waitedSeconds", round(quiet.waitedSeconds(), 1));
            q.put("bgCores", round(quiet.bgCores(), 2));
            q.put("quiet", quiet.quiet());
        } else {
            res.putNull("quietWait");
        }

        // 1. parsing (validation included), median of 20
        double[] constructSeconds = new double[CONSTRUCTIONS];
        StateMachineDefinition definition = null;
        for (int i = 0; i < CONSTRUCTIONS; i++) {
            long t = System.nanoTime();
            definition = StateMachineDefinition.parse(workload.definition());
            constructSeconds[i] = (System.nanoTime() - t) / 1e9;
        }
        res.put("constructMs", round(median(constructSeconds) * 1e3, 3));

        EchoPayloadHook hook = EchoPayloadHook.serve(interpreter, workload);
        try {
            Runner runner = new Runner(interpreter, definition, workload);

            // 2. correctness of the first execution (and how many task calls one execution makes)
            check(workload, runner.once(), "the first execution");
            long callsPerExecution = hook.calls();
            if (workload.taskHook() != null && callsPerExecution == 0) {
                throw new BenchmarkFailure("the workload has a taskHook but its first execution called it 0 times");
            }
            res.put("hookCallsPerExecution", callsPerExecution);

            // 3. warm-up (JIT): >= warmup seconds and >= 5 executions
            int warmN = 0;
            long tw = System.nanoTime();
            while (warmN < 5 || (System.nanoTime() - tw) / 1e9 < options.warmup) {
                runner.once();
                warmN++;
            }
            res.put("warmupExecutions", warmN);

            // 4. repetitions, redone (at most 2 x reps extra attempts) when others used > maxBg cores meanwhile
            List<Rep> reps = new ArrayList<>();
            List<Rep> discarded = new ArrayList<>();
            for (int attempt = 0; reps.size() < options.reps; attempt++) {
                System.gc();
                long calls0 = hook.calls();
                JsonNode first = null;
                JsonNode last;
                long n = 0;
                long t = System.nanoTime();
                double dt;
                LoadProbe bgLoad = LoadProbe.start();
                do {
                    last = runner.once();
                    if (n == 0) first = last;
                    n++;
                    dt = (System.nanoTime() - t) / 1e9;
                } while (n < 3 || dt < options.minTime);
                double bg = bgLoad.bgCores();
                int repNumber = attempt + 1;
                check(workload, first, "the first execution of repetition " + repNumber);
                check(workload, last, "the last execution of repetition " + repNumber);
                if (hook.calls() - calls0 != n * callsPerExecution) {
                    throw new BenchmarkFailure("the task hook ran " + (hook.calls() - calls0) + " times in repetition " + repNumber
                            + " but " + n + " executions x " + callsPerExecution + " calls = " + n * callsPerExecution + " were expected");
                }
                Rep rep = new Rep(n, dt, n / dt, bg);
                boolean retriesLeft = 3 * options.reps - attempt - 1 >= options.reps - reps.size();
                if (rep.bgCores > options.maxBg && retriesLeft) discarded.add(rep);
                else reps.add(rep);
            }

            ArrayNode discardedJson = res.putArray("discardedReps");
            for (Rep d : discarded) {
                ObjectNode o = discardedJson.addObject();
                o.put("execPerSec", round(d.execPerSec, 2));
                o.put("bgCores", round(d.bgCores, 2));
            }
            res.put("noisy", reps.stream().anyMatch(r -> r.bgCores > options.maxBg));
            double[] eps = reps.stream().mapToDouble(Rep::execPerSec).toArray();
            double med = median(eps);
            res.put("N", median(reps.stream().mapToDouble(Rep::n).toArray()));
            putArray(res, "repN", reps.stream().mapToDouble(Rep::n).toArray(), 0);
            putArray(res, "repSeconds", reps.stream().mapToDouble(Rep::seconds).toArray(), 4);
            putArray(res, "repBgCores", reps.stream().mapToDouble(Rep::bgCores).toArray(), 2);
            res.put("bgCoresMax", round(reps.stream().mapToDouble(Rep::bgCores).max().orElse(Double.NaN), 2));
            putArray(res, "execPerSecReps", eps, 2);
            res.put("execPerSec", round(med, 2));
            res.put("usPerExec", round(1e6 / med, 3));
            res.put("usPerState", round(1e6 / med / workload.stateCount(), 4));
            res.put("statesPerSec", Math.round(med * workload.stateCount()));
            double max = Arrays.stream(eps).max().orElse(med);
            double min = Arrays.stream(eps).min().orElse(med);
            res.put("spreadPct", round((max - min) / med * 100, 1));
            res.put("minRepSeconds", round(reps.stream().mapToDouble(Rep::seconds).min().orElse(Double.NaN), 4));
            res.put("ok", true);
            return res;
        } finally {
            hook.unregister();
        }
    }

    private record Rep(long n, double seconds, double execPerSec, double bgCores) {}

    /** Runs one execution at a time on the caller's thread and returns its output. */
    private static final class Runner {
        private final Interpreter interpreter;
        private final StateMachineDefinition definition;
        private final Workload workload;
        private final String stateMachineName;
        private long sequence;

        Runner(Interpreter interpreter, StateMachineDefinition definition, Workload workload) {
            this.interpreter = interpreter;
            this.definition = definition;
            this.workload = workload;
            this.stateMachineName = "bench-" + workload.name();
        }

        JsonNode once() {
            Execution execution = interpreter.start(definition,
                    ExecutionRequest.of(stateMachineName, "run-" + (++sequence), workload.input())).await(AWAIT);
            if (execution.status() != ExecutionStatus.SUCCEEDED) {
                throw new BenchmarkFailure("execution " + sequence + " ended " + execution.status() + ": " + execution.error()
                        + ": " + execution.cause());
            }
            return execution.output();
        }
    }

    private static void check(Workload workload, JsonNode actual, String which) {
        if (!JsonEquality.same(actual, workload.expected())) {
            throw new BenchmarkFailure("the output of " + which + " differs from \"expected\""
                    + "\n    expected: " + abbreviate(workload.expected())
                    + "\n    actual:   " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    // ------------------------------------------------------------------ the task hook

    /**
     * Serves a workload's {@code taskHook} through the SPI. Kind {@code echo-payload}: every Task resource of the
     * definition answers {@code {"Payload": <the task's effective input>}} at once (an already-completed future).
     */
    static final class EchoPayloadHook {
        private final Interpreter interpreter;
        private final List<String> registered;
        private long calls;

        private EchoPayloadHook(Interpreter interpreter, List<String> registered) {
            this.interpreter = interpreter;
            this.registered = registered;
        }

        static EchoPayloadHook serve(Interpreter interpreter, Workload workload) {
            List<String> registered = new ArrayList<>();
            EchoPayloadHook hook = new EchoPayloadHook(interpreter, registered);
            JsonNode spec = workload.taskHook();
            if (spec == null) return hook;
            String kind = spec.path("kind").asText("");
            if (!kind.equals("echo-payload")) {
                throw new BenchmarkFailure("unknown taskHook kind '" + kind + "' (this runner serves only 'echo-payload'): " + spec);
            }
            Set<String> resources = workload.taskResources();
            if (resources.isEmpty()) throw new BenchmarkFailure("the workload has a taskHook but no Task states");
            Set<IntegrationPattern> patterns = EnumSet.noneOf(IntegrationPattern.class);
            List<String> services = new ArrayList<>();
            for (String resource : resources) {
                IntegrationPattern pattern = IntegrationPattern.of(resource);
                if (pattern == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
                    throw new BenchmarkFailure("taskHook echo-payload cannot serve the .waitForTaskToken resource " + resource);
                }
                patterns.add(pattern);
                String service = pattern.strip(resource);
                if (!services.contains(service)) services.add(service);
            }
            Set<IntegrationPattern> supported = Set.copyOf(patterns);
            ServiceIntegration echo = new ServiceIntegration() {
                @Override
                public CompletableFuture<JsonNode> invoke(TaskRequest request) {
                    hook.calls++;
                    ObjectNode result = NODES.objectNode();
                    result.set("Payload", request.parameters());
                    return CompletableFuture.completedFuture(result);
                }

                @Override
                public Set<IntegrationPattern> patterns() {
                    return supported;
                }
            };
            for (String service : services) {
                interpreter.integrations().register(service, echo);
                registered.add(service);
            }
            return hook;
        }

        long calls() {
            return calls;
        }

        void unregister() {
            for (String service : registered) interpreter.integrations().unregister(service);
        }
    }

    // ------------------------------------------------------------------ environment and output

    static ObjectNode environment(Options options) {
        ObjectNode env = NODES.objectNode();
        env.put("date", Instant.now().toString());
        env.put("engine", "dev.awstestharness:asl " + implementationVersion());
        env.put("java", System.getProperty("java.version"));
        env.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.vendor") + ")");
        env.put("javaHome", System.getProperty("java.home"));
        env.put("jvmFlags", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        env.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", ")));
        env.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("platform", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cpuModel", cpuModel());
        env.put("nproc", Runtime.getRuntime().availableProcessors());
        env.put("memGiB", round(totalMemoryBytes() / Math.pow(2, 30), 1));
        env.put("loadavgStart", loadavg());
        ObjectNode settings = env.putObject("settings");
        settings.put("reps", options.reps);
        settings.put("minTime", options.minTime);
        settings.put("warmup", options.warmup);
        settings.put("maxBg", options.maxBg);
        settings.put("waitQuiet", options.waitQuiet);
        settings.put("workloads", options.dir.toAbsolutePath().normalize().toString());
        settings.put("executor", "direct (Runnable::run)");
        settings.put("waitScale", 0);
        return env;
    }

    private static String header(ObjectNode env) {
        ObjectNode s = (ObjectNode) env.get("settings");
        String flags = env.get("jvmFlags").asText();
        return String.format(Locale.ROOT,
                "# %s | Java %s, %s, flags [%s], %s, max heap %d MiB | %s x%d, %.1f GiB, %s | reps=%d min-time=%ss warmup=%ss max-bg=%s wait-quiet=%ss | loadavg %s",
                env.get("engine").asText(), env.get("java").asText(), env.get("vm").asText(), flags, env.get("gc").asText(),
                env.get("maxHeapMiB").asLong(), env.get("cpuModel").asText(), env.get("nproc").asInt(), env.get("memGiB").asDouble(),
                env.get("platform").asText(), s.get("reps").asInt(), num(s.get("minTime").asDouble()), num(s.get("warmup").asDouble()),
                num(s.get("maxBg").asDouble()), num(s.get("waitQuiet").asDouble()), env.get("loadavgStart").asText());
    }

    private static String details(ObjectNode r) {
        StringBuilder reps = new StringBuilder();
        for (JsonNode x : r.get("execPerSecReps")) reps.append(reps.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", x.doubleValue()));
        StringBuilder bg = new StringBuilder();
        for (JsonNode x : r.get("repBgCores")) bg.append(bg.length() == 0 ? "" : "/").append(x.asText());
        return String.format(Locale.ROOT, "#   %s: %.1f exec/s, %.1f µs/exec, %.3f µs/state (N=%s, spread %s%%, reps %s, bg load %s cores%s, redone %d, parse %.3f ms)",
                r.get("name").asText(), r.get("execPerSec").doubleValue(), r.get("usPerExec").doubleValue(), r.get("usPerState").doubleValue(),
                num(r.get("N").asDouble()), r.get("spreadPct").asText(), reps, bg, r.get("noisy").asBoolean() ? " NOISY" : "",
                r.get("discardedReps").size(), r.get("constructMs").asDouble());
    }

    private static String implementationVersion() {
        Package p = StateMachineDefinition.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    private static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void putArray(ObjectNode node, String field, double[] values, int decimals) {
        ArrayNode array = node.putArray(field);
        for (double v : values) {
            if (decimals == 0) array.add(Math.round(v));
            else array.add(round(v, decimals));
        }
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return value;
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    // ------------------------------------------------------------------ options

    static final class Options {
        static final String USAGE = String.join("\n",
                "usage: java -jar benchmarks/target/benchmarks.jar [--workloads DIR | DIR] [--reps N] [--min-time S] [--warmup S]",
                "                                                  [--max-bg CORES] [--wait-quiet S] [--out FILE.json] [workload ...]",
                "  DIR           folder of workload files (default ../shared/perf/workloads, relative to the repository root)",
                "  --reps N      repetitions per workload; the median is reported (default 5)",
                "  --min-time S  each repetition runs whole executions until it has lasted S seconds (default 2)",
                "  --warmup S    warm-up seconds before the repetitions (default 2)",
                "  --max-bg C    a repetition during which other processes used more than C cores is redone (default 0.5)",
                "  --wait-quiet S  before each workload, wait up to S seconds for the machine to be quiet (default 60; 0 = off)",
                "  --out FILE    also write the results as JSON (the peer runner's format)",
                "  --max-bg 99 --wait-quiet 0 turns the noise handling off.");

        Path dir = Path.of("../shared/perf/workloads");
        final List<String> only = new ArrayList<>();
        int reps = 5;
        double minTime = 2;
        double warmup = 2;
        double maxBg = 0.5;
        double waitQuiet = 60;
        Path out;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--workloads", "--dir" -> o.dir = Path.of(value(args, ++i, a));
                    case "--reps" -> o.reps = (int) positive(value(args, ++i, a), a, true);
                    case "--min-time" -> o.minTime = positive(value(args, ++i, a), a, false);
                    case "--warmup" -> o.warmup = positive(value(args, ++i, a), a, false);
                    case "--max-bg" -> o.maxBg = positive(value(args, ++i, a), a, false);
                    case "--wait-quiet" -> o.waitQuiet = positive(value(args, ++i, a), a, false);
                    case "--out" -> o.out = Path.of(value(args, ++i, a));
                    case "-h", "--help" -> o.help = true;
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                        if (Files.isDirectory(Path.of(a))) o.dir = Path.of(a);
                        else o.only.add(a);
                    }
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }

        private static double positive(String text, String option, boolean integer) {
            double v;
            try {
                v = integer ? Integer.parseInt(text) : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number but got '" + text + "'");
            }
            if (integer ? v < 1 : !(v >= 0)) throw new IllegalArgumentException(option + " must be " + (integer ? "1 or more" : "0 or more") + " but was " + text);
            return v;
        }
    }
}
