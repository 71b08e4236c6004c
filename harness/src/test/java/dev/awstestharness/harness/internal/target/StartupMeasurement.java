package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.DeclarationReader;
import dev.awstestharness.harness.internal.declaration.TemplateSource;
import java.nio.file.Path;

/** Measures the local target's startup (not a test): {@code java -cp ... StartupMeasurement [rounds]}. */
public final class StartupMeasurement {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            var declaration = DeclarationReader.read(TemplateSource.locate("harness-test/template.yaml", Path.of(""),
                    StartupMeasurement.class.getClassLoader()));
            long read = System.nanoTime();
            try (LocalTarget target = LocalTarget.start(declaration, 0)) {
                long started = System.nanoTime();
                System.out.printf("round %d: template read %.1f ms, target started %.1f ms (total %.1f ms)%n", i + 1, (read - start) / 1e6,
                        (started - read) / 1e6, (started - start) / 1e6);
            }
        }
    }
}
