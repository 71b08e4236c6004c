package dev.awstestharness.installer.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.installer.BuildInfo;
import dev.awstestharness.installer.EmbeddedArtifact;
import dev.awstestharness.installer.TestArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runner image's plan, from the relay artifact the installer carries. */
class RunnerImagePlanTest {
    static final BuildInfo BUILD = new BuildInfo("1.2.3", Optional.of("0123456789ab"));

    @Test
    void runsTheRunnerMainWithTheArtifactsJarsAsClasspath() {
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.values()), BUILD);

        assertThat(plan.entrypoint()).startsWith("java").endsWith("-cp", "/app/libs/*", "dev.awstestharness.doubles.ecs.EcsTaskRunner");
        assertThat(plan.user()).isEqualTo("65534:65534");
    }

    @Test
    void buildsForArm64AndX8664OnTheDigestPinnedJre() {
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.values()), BUILD);

        assertThat(plan.platforms()).containsExactly("linux/arm64", "linux/amd64");
        assertThat(plan.baseImage()).matches("eclipse-temurin:21-jre@sha256:[0-9a-f]{64}");
    }

    @Test
    void layersEveryJarOfTheArtifactWithTheDoublesOwnJarLast() {
        Path lib = TestArtifacts.relayLib();
        RunnerImagePlan plan = RunnerImagePlan.of(lib, RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.ARM64), BUILD);

        assertThat(plan.layers()).extracting(RunnerImagePlan.Layer::name).containsExactly("dependencies", "runner");
        assertThat(plan.layers().get(1).imagePaths()).singleElement().asString().matches("/app/libs/doubles-runtime-.*\\.jar");
        List<String> inLayers = new ArrayList<>();
        plan.layers().forEach(layer -> layer.files().forEach(file -> inLayers.add("lib/" + file.getFileName())));
        assertThat(inLayers).containsExactlyInAnyOrderElementsOf(TestArtifacts.jarEntries(EmbeddedArtifact.relay()));
    }

    @Test
    void isTaggedWithTheVersionAndTheCommitAndLabelledWithThem() {
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.ARM64), BUILD);

        assertThat(plan.tags()).containsExactly("1.2.3", "0123456789ab");
        assertThat(plan.labels()).containsEntry("org.opencontainers.image.version", "1.2.3")
                .containsEntry("org.opencontainers.image.revision", "0123456789ab");
        assertThat(RunnerImagePlan.of(TestArtifacts.relayLib(), RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.ARM64),
                new BuildInfo("1.2.3", Optional.empty())).tags()).containsExactly("1.2.3");
    }

    @Test
    void theEntrypointStartsTheRunnerFromTheLayersJars() throws Exception {
        Path lib = TestArtifacts.relayLib();
        RunnerImagePlan plan = RunnerImagePlan.of(lib, RunnerImagePlan.DEFAULT_BASE_IMAGE, List.of(Architecture.ARM64), BUILD);
        // The image's command with this JVM as 'java' and the unpacked artifact as /app/libs.
        List<String> command = plan.entrypoint().stream()
                .map(part -> part.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                        : part.replace(RunnerImagePlan.APP_DIRECTORY, lib.toString()))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the runner exits").isTrue();
        String output = new String(process.getInputStream().readAllBytes());

        // Outside ECS it has no metadata endpoint: the runner's own message, so its class and dependencies loaded.
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("ECS_CONTAINER_METADATA_URI_V4").doesNotContain("ClassNotFoundException").doesNotContain("NoClassDefFoundError");
    }
}
