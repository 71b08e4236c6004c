package dev.awstestharness.installer.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import dev.awstestharness.installer.BuildInfo;
import dev.awstestharness.installer.TestArtifacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner image's layering, proven offline: Jib builds the plan's layers on an empty base into an image tarball,
 * whose manifest, config and layers are read back.
 */
class RunnerImageTarTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final BuildInfo BUILD = new BuildInfo("1.2.3", Optional.of("0123456789ab"));

    @TempDir
    Path directory;

    Map<String, byte[]> buildTar(Architecture architecture, String name) throws Exception {
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(architecture), BUILD);
        Path tar = directory.resolve(name + ".tar");
        JibContainer container = RunnerImageBuilder.containerBuilder(plan, Jib.fromScratch())
                .containerize(Containerizer.to(TarImage.at(tar).named("aws-test-harness/ecs-task-runner:" + name))
                        .setBaseImageLayersCache(directory.resolve("cache")).setApplicationLayersCache(directory.resolve("cache")));
        Map<String, byte[]> entries = entries(Files.newInputStream(tar));
        entries.put("#imageId", container.getImageId().toString().getBytes());
        return entries;
    }

    @Test
    void theImageConfigRunsTheRunnerAsNobodyForTheChosenArchitecture() throws Exception {
        Map<String, byte[]> tar = buildTar(Architecture.ARM64, "arm64");
        JsonNode manifest = JSON.readTree(tar.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(tar.get(manifest.get("Config").asText()));

        assertThat(config.get("architecture").asText()).isEqualTo("arm64");
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(config.at("/config/Entrypoint")).isEqualTo(JSON.valueToTree(
                RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.ARM64), BUILD).entrypoint()));
        assertThat(config.at("/config/User").asText()).isEqualTo("65534:65534");
        assertThat(config.at("/config/Labels/org.opencontainers.image.revision").asText()).isEqualTo("0123456789ab");
        assertThat(config.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(manifest.get("RepoTags")).isEqualTo(JSON.valueToTree(List.of("aws-test-harness/ecs-task-runner:arm64")));
    }

    @Test
    void theLayersHoldTheArtifactsJarsUnderAppLibsWithFixedTimes() throws Exception {
        Map<String, byte[]> tar = buildTar(Architecture.X86_64, "amd64");
        JsonNode manifest = JSON.readTree(tar.get("manifest.json")).get(0);
        assertThat(JSON.readTree(tar.get(manifest.get("Config").asText())).get("architecture").asText()).isEqualTo("amd64");

        List<List<String>> layers = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            Map<String, byte[]> files = new HashMap<>();
            List<String> names = new ArrayList<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tar.get(layer.asText()))))) {
                for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        names.add("/" + entry.getName());
                        times.add(entry.getModTime().getTime());
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            layers.add(names);
        }
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.X86_64), BUILD);

        assertThat(layers).containsExactly(plan.layers().get(0).imagePaths(), plan.layers().get(1).imagePaths());
        assertThat(times).as("modification times").containsOnly(1000L);
    }

    @Test
    void theSameJarsGiveTheSameImage() throws Exception {
        assertThat(new String(buildTar(Architecture.ARM64, "first").get("#imageId")))
                .isEqualTo(new String(buildTar(Architecture.ARM64, "second").get("#imageId")));
    }

    static Map<String, byte[]> entries(InputStream tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
