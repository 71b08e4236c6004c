package dev.awstestharness.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the stack samples of a JFR recording of the benchmark runner (benchmarks/profile makes one): the methods
 * with the most samples on top of the stack (self), the methods present in the most stacks (inclusive, each method
 * counted once per stack), and "asl entry": for each sample, the innermost frame of the interpreter
 * ({@code dev.awstestharness.asl}), i.e. which interpreter method the time was spent in, library calls included.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.awstestharness.benchmarks.JfrHotSpots FILE.jfr [--top N] [--thread main]}.
 * It uses {@code jdk.CPUTimeSample} (JDK 25+, when recorded) and otherwise {@code jdk.ExecutionSample}.
 */
public final class JfrHotSpots {
    private static final String ASL = "dev.awstestharness.asl.";

    private JfrHotSpots() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: JfrHotSpots FILE.jfr [--top N] [--thread NAME]");
            System.exit(64);
        }
        Path file = Path.of(args[0]);
        int top = 25;
        String thread = "main";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--top")) top = Integer.parseInt(args[++i]);
            else if (args[i].equals("--thread")) thread = args[++i];
        }
        List<RecordedEvent> cpu = new ArrayList<>();
        List<RecordedEvent> exec = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.CPUTimeSample")) cpu.add(e);
            else if (type.equals("jdk.ExecutionSample")) exec.add(e);
        }
        List<RecordedEvent> samples = cpu.isEmpty() ? exec : cpu;
        String event = cpu.isEmpty() ? "jdk.ExecutionSample" : "jdk.CPUTimeSample";

        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> aslEntry = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : samples) {
            RecordedThread t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread("eventThread");
            if (thread != null && !thread.isEmpty() && (t == null || !thread.equals(t.getJavaName()))) continue;
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) continue;
            total++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String entry = null;
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (seen.add(n)) inclusive.merge(n, 1, Integer::sum);
                if (entry == null && n.startsWith(ASL)) entry = n;
            }
            aslEntry.merge(entry == null ? "(no asl frame)" : entry, 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%s: %d samples of %s on thread '%s' (%d CPU-time, %d execution samples in the file)%n%n",
                file, total, event, thread, cpu.size(), exec.size());
        print("self (top frame)", self, total, top);
        print("innermost asl frame (where the interpreter spends it, library calls included)", aslEntry, total, top);
        print("inclusive (in the stack)", inclusive, total, top);
    }

    private static String name(RecordedMethod m) {
        return m == null ? "(unknown)" : m.getType().getName() + "." + m.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println("== " + title);
        counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%% %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
        System.out.println();
    }
}
