package dev.awstestharness.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import java.nio.file.Path;

/** Settings, declarations and the example's template, shared by the tests. */
public final class Fixtures {
    public static final TestDoublesSettings SETTINGS = TestDoublesSettings.builder()
            .relayCode(S3Location.of("artifacts-bucket", "aws-test-harness/0.1.0/relay.jar"))
            .runnerImage(new RunnerImage("aws-test-harness/ecs-task-runner", "0.1.0"))
            .build();

    private Fixtures() {}

    /** The example's directory (set by the pom). */
    public static Path exampleDirectory() {
        return Path.of(System.getProperty("example.directory", "../example"));
    }

    public static Path exampleTemplatePath() {
        return exampleDirectory().resolve("template.yaml");
    }

    public static JsonNode exampleTemplate() {
        return Templates.readTemplate(exampleTemplatePath());
    }

    /** What the example's template declares, read as the harness reads it: from its parameters' defaults. */
    public static DoublesDeclaration exampleDeclaration() {
        JsonNode template = exampleTemplate();
        java.util.Map<String, JsonNode> defaults = new java.util.LinkedHashMap<>();
        template.path("Parameters").properties().forEach(entry -> {
            if (entry.getValue().has("Default")) defaults.put(entry.getKey(), entry.getValue().get("Default"));
        });
        return DoublesDeclaration.parse(defaults);
    }

    public static DoublesDeclaration everyKind() {
        return DoublesDeclaration.builder()
                .lambdaFunctions("Pricing")
                .stateMachines("Approval")
                .s3Buckets("Uploads")
                .dynamoDbTable("Orders", new DoublesDeclaration.KeyAttribute("PK", "S"), new DoublesDeclaration.KeyAttribute("SK", "N"))
                .ecsTaskFamily("Worker", "Main")
                .build();
    }
}
