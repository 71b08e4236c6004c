package dev.awstestharness.installer.image;

import dev.awstestharness.installer.BuildInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the ECS runner image is made of, decided before anything is built or pushed (and printed by {@code --dry-run}):
 * the base image (a Java 21 JRE, pinned by the digest of its multi-architecture index), one image per architecture,
 * the relay artifact's jars in two layers (third-party jars, which rarely change, then the doubles' own jar), and an
 * entry point that runs {@value #MAIN_CLASS} with the container's command as its arguments.
 *
 * @param baseImage the base image reference, {@code name[:tag]@sha256:...}
 * @param architectures the platforms built, each {@code linux/<arch>}
 * @param entrypoint the image's entry point
 * @param user the user the container runs as ({@code uid:gid})
 * @param layers the application layers, in order
 * @param labels the image's labels
 * @param tags the tags pushed
 */
public record RunnerImagePlan(String baseImage, List<Architecture> architectures, List<String> entrypoint, String user, List<Layer> layers,
        Map<String, String> labels, List<String> tags) {
    /**
     * {@code eclipse-temurin:21-jre} (Eclipse Temurin's Java 21 JRE on Ubuntu; an index of linux/amd64, linux/arm64 and
     * others), pinned by the index digest that BuildKit resolved the tag to in a public build log of 2026-06-20. No
     * registry is reachable from where this was written, so it could not be re-checked here: refresh it with
     * {@code docker buildx imagetools inspect eclipse-temurin:21-jre} (the "Digest:" line) or {@code crane digest
     * eclipse-temurin:21-jre}, or pass {@code --base-image}.
     */
    public static final String DEFAULT_BASE_IMAGE =
            "eclipse-temurin:21-jre@sha256:8ec353b20d3aab0758572236b81b967c7077c40c4d0819ce97f9a1329d684603";
    public static final String MAIN_CLASS = "dev.awstestharness.doubles.ecs.EcsTaskRunner";
    /** Where the jars go in the image. */
    public static final String APP_DIRECTORY = "/app/libs";
    /**
     * A container lives for one invocation on a quarter vCPU: the serial collector and the C1 compiler only start
     * fastest and use least memory.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** {@code nobody:nogroup} of the Ubuntu base: the runner needs no privileges and writes nothing. */
    public static final String USER = "65534:65534";
    /** The jar with the runner (and the relay); every other jar goes in the dependencies layer. */
    static final String OWN_JAR_PREFIX = "doubles-runtime-";

    /** A layer: files from the artifact, all put in {@code directory}. */
    public record Layer(String name, String directory, List<Path> files) {
        public Layer {
            files = List.copyOf(files);
        }

        /** The files' paths in the image. */
        public List<String> imagePaths() {
            return files.stream().map(file -> directory + "/" + file.getFileName()).toList();
        }
    }

    public RunnerImagePlan {
        Objects.requireNonNull(baseImage, "baseImage");
        if (architectures.isEmpty()) throw new IllegalArgumentException("The runner image needs at least one architecture");
        architectures = List.copyOf(architectures);
        entrypoint = List.copyOf(entrypoint);
        layers = List.copyOf(layers);
        labels = Map.copyOf(labels);
        tags = List.copyOf(tags);
    }

    /**
     * The plan for the jars in {@code libDirectory} (the relay artifact's {@code lib/}, unpacked).
     *
     * @throws IllegalArgumentException when the directory has no jars or not the doubles' own
     */
    public static RunnerImagePlan of(Path libDirectory, String baseImage, List<Architecture> architectures, BuildInfo build) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(libDirectory)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the runner's jars in " + libDirectory, e);
        }
        List<Path> own = jars.stream().filter(jar -> jar.getFileName().toString().startsWith(OWN_JAR_PREFIX)).toList();
        if (own.size() != 1) {
            throw new IllegalArgumentException("The runner's jars in " + libDirectory + " must include exactly one " + OWN_JAR_PREFIX
                    + "*.jar (with " + MAIN_CLASS + "), but has " + own);
        }
        List<Path> dependencies = jars.stream().filter(jar -> !own.contains(jar)).toList();
        List<String> entrypoint = new ArrayList<>(List.of("java"));
        entrypoint.addAll(JVM_FLAGS);
        entrypoint.addAll(List.of("-cp", APP_DIRECTORY + "/*", MAIN_CLASS));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "aws-test-harness ECS task runner");
        labels.put("org.opencontainers.image.version", build.version());
        build.commit().ifPresent(commit -> labels.put("org.opencontainers.image.revision", commit));
        labels.put("org.opencontainers.image.base.name", baseImage);
        return new RunnerImagePlan(baseImage, architectures, entrypoint, USER,
                List.of(new Layer("dependencies", APP_DIRECTORY, dependencies), new Layer("runner", APP_DIRECTORY, own)), labels, build.imageTags());
    }

    /** The platforms as {@code linux/arm64, linux/amd64}. */
    public List<String> platforms() {
        return architectures.stream().map(architecture -> "linux/" + architecture.ociName()).toList();
    }
}
