package dev.awstestharness.installer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The installer's embedded artifacts, for tests. */
public final class TestArtifacts {
    private static Path relayLib;

    private TestArtifacts() {}

    /** The relay artifact's {@code lib/}, unpacked once. */
    public static synchronized Path relayLib() {
        if (relayLib == null) relayLib = RelayArtifactFiles.unpackLib(EmbeddedArtifact.relay());
        return relayLib;
    }

    /** The {@code lib/*.jar} entries of an artifact. */
    public static List<String> jarEntries(EmbeddedArtifact artifact) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact.bytes()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".jar")) names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
