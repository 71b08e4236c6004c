package dev.awstestharness.installer.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.installer.BuildInfo;
import dev.awstestharness.installer.TestArtifacts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The installer's push, end to end against a registry on loopback: Jib pulls the digest-pinned multi-architecture
 * base, builds one image per architecture and pushes them under one index, with both tags, authenticating with Basic
 * credentials as it does with ECR's token.
 */
class RunnerImagePushTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final BuildInfo BUILD = new BuildInfo("1.2.3", Optional.of("0123456789ab"));
    static final String REPOSITORY = "aws-test-harness/ecs-task-runner";

    FakeRegistry registry;

    @BeforeEach
    void start() {
        registry = new FakeRegistry("library/eclipse-temurin", "AWS", "the-ecr-password");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void pushesAnIndexOfAnArm64AndAnAmd64ImageUnderTheVersionAndCommitTags() throws Exception {
        String baseDigest = registry.addBaseImage(List.of("amd64", "arm64", "ppc64le"));
        String base = registry.host() + "/library/eclipse-temurin:21-jre@" + baseDigest;
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), base, List.of(Architecture.ARM64, Architecture.X86_64), BUILD);
        StringWriter log = new StringWriter();

        RunnerImageBuilder.PushedImage pushed = RunnerImageBuilder.push(plan,
                new RunnerImageBuilder.Target(registry.host() + "/" + REPOSITORY, "AWS", "the-ecr-password", true), new PrintWriter(log));

        Map<String, FakeRegistry.Manifest> stored = registry.manifests.get(REPOSITORY);
        assertThat(stored).containsKeys("1.2.3", "0123456789ab", pushed.digest());
        assertThat(stored.get("1.2.3").bytes()).isEqualTo(stored.get("0123456789ab").bytes()).isEqualTo(stored.get(pushed.digest()).bytes());
        JsonNode index = JSON.readTree(stored.get("1.2.3").bytes());
        List<String> platforms = new ArrayList<>();
        for (JsonNode entry : index.get("manifests")) {
            platforms.add(entry.at("/platform/os").asText() + "/" + entry.at("/platform/architecture").asText());
            JsonNode manifest = JSON.readTree(stored.get(entry.get("digest").asText()).bytes());
            JsonNode config = JSON.readTree(registry.blobs.get(manifest.at("/config/digest").asText()));
            assertThat(config.get("architecture").asText()).isEqualTo(entry.at("/platform/architecture").asText());
            assertThat(config.at("/config/Entrypoint")).isEqualTo(JSON.valueToTree(plan.entrypoint()));
            assertThat(config.at("/config/Env").toString()).contains("JAVA_HOME=/opt/java/openjdk");
            assertThat(manifest.get("layers")).as("the base's layer and the two of the plan").hasSize(3);
            manifest.get("layers").forEach(layer -> assertThat(registry.blobs).containsKey(layer.get("digest").asText()));
        }
        assertThat(platforms).containsExactlyInAnyOrder("linux/arm64", "linux/amd64");
        assertThat(pushed.reference()).isEqualTo(registry.host() + "/" + REPOSITORY + "@" + pushed.digest());
        assertThat(pushed.tags()).containsExactly("1.2.3", "0123456789ab");
    }

    @Test
    void aPushWithCredentialsTheRegistryRefusesFailsNamingTheTarget() throws Exception {
        String base = registry.host() + "/library/eclipse-temurin@" + registry.addBaseImage(List.of("amd64", "arm64"));
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), base, List.of(Architecture.ARM64), BUILD);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunnerImageBuilder.push(plan,
                        new RunnerImageBuilder.Target(registry.host() + "/" + REPOSITORY, "AWS", "an-expired-token", true),
                        new PrintWriter(new StringWriter())))
                .isInstanceOf(RunnerImageBuilder.ImageBuildException.class)
                .hasMessageContaining("pushing it to " + registry.host() + "/" + REPOSITORY + " failed");
        assertThat(registry.manifests).doesNotContainKey(REPOSITORY);
    }

    @Test
    void aBaseWithoutTheChosenArchitectureFailsNamingTheBaseAndThePlatforms() throws Exception {
        String baseDigest = registry.addBaseImage(List.of("amd64"));
        String base = registry.host() + "/library/eclipse-temurin@" + baseDigest;
        RunnerImagePlan plan = RunnerImagePlan.of(TestArtifacts.relayLib(), base, List.of(Architecture.ARM64, Architecture.X86_64), BUILD);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunnerImageBuilder.push(plan,
                        new RunnerImageBuilder.Target(registry.host() + "/" + REPOSITORY, "AWS", "the-ecr-password", true),
                        new PrintWriter(new StringWriter())))
                .isInstanceOf(RunnerImageBuilder.ImageBuildException.class)
                .hasMessageContaining(base).hasMessageContaining("linux/arm64");
    }
}
