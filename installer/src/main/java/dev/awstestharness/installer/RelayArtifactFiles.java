package dev.awstestharness.installer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The relay artifact's {@code lib/} jars unpacked into a directory, where the runner image's layers take them from. */
final class RelayArtifactFiles {
    private RelayArtifactFiles() {}

    /** Unpacks {@code artifact} into a new temporary directory (deleted when the JVM exits) and returns its {@code lib/}. */
    static Path unpackLib(EmbeddedArtifact artifact) {
        try {
            Path directory = Files.createTempDirectory("aws-test-harness-runner");
            // Deleted in the reverse order of registration: the files, then lib/, then the directory.
            directory.toFile().deleteOnExit();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact.bytes()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    Path target = directory.resolve(entry.getName()).normalize();
                    if (!target.startsWith(directory)) throw new IOException("The entry " + entry.getName() + " lies outside the archive");
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target);
                    }
                    target.toFile().deleteOnExit();
                }
            }
            Path lib = directory.resolve("lib");
            if (!Files.isDirectory(lib)) throw new IllegalStateException("The relay artifact " + artifact + " has no lib/ directory");
            return lib;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the relay artifact " + artifact + ": " + e.getMessage(), e);
        }
    }
}
