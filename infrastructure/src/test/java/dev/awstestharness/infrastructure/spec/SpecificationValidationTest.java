package dev.awstestharness.infrastructure.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.infrastructure.Fixtures;
import dev.awstestharness.infrastructure.InstallationSettings;
import dev.awstestharness.infrastructure.Templates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template this module renders, and the example's, against the CloudFormation resource specification. */
class SpecificationValidationTest {
    private static TemplateValidator validator;

    @BeforeAll
    static void loadSpecification() {
        ResourceSpecification specification = ResourceSpecification.shared();
        assertThat(specification.resourceTypeCount()).as("resource types in @aws-cdk/aws-service-spec %s", specification.version())
                .isGreaterThan(1000);
        validator = new TemplateValidator(specification);
    }

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of("no doubles", DoublesDeclaration.none()),
                Arguments.of("one of every kind", Fixtures.everyKind()),
                Arguments.of("the example's", Fixtures.exampleDeclaration()),
                Arguments.of("ECS only, ten containers", DoublesDeclaration.builder()
                        .ecsTaskFamily("Big", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10").build()),
                Arguments.of("Lambda functions only", DoublesDeclaration.builder().lambdaFunctions("A", "B", "C").build()),
                Arguments.of("tables with number and binary keys", DoublesDeclaration.builder()
                        .dynamoDbTable("Numbers", "N", "N").dynamoDbTable("Blobs", new DoublesDeclaration.KeyAttribute("Id", "B"),
                                new DoublesDeclaration.KeyAttribute("At", "N")).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void theTestDoublesStackOfADeclarationIsValid(String description, DoublesDeclaration declaration) {
        assertThat(validator.validate(Templates.renderTestDoubles(declaration, Fixtures.SETTINGS))).isEmpty();
    }

    @Test
    void theExampleTemplateWithTheTransformAppliedIsValid() {
        JsonNode rendered = Templates.renderTransformed(Fixtures.exampleTemplate(), Fixtures.SETTINGS, "example/template.yaml");
        assertThat(rendered.path("Resources").path("ExampleStateMachine").path("Type").asText()).isEqualTo("AWS::Serverless::StateMachine");
        assertThat(validator.validate(rendered)).isEmpty();
    }

    @Test
    void theExampleTemplateWithAnExistingClusterAndX86ContainersIsValid() {
        com.fasterxml.jackson.databind.node.ObjectNode example = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.exampleTemplate().deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode parameters = (com.fasterxml.jackson.databind.node.ObjectNode) example.get("Parameters");
        parameters.putObject(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER).put("Type", "String")
                .put("Default", "arn:aws:ecs:eu-west-1:123456789012:cluster/shared");
        parameters.putObject(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER).put("Type", "String").put("Default", "X86_64");
        JsonNode rendered = Templates.renderTransformed(example, Fixtures.SETTINGS, "example/template.yaml");
        assertThat(rendered.at("/Resources/AWSTestHarnessECSCluster/Condition").asText()).isEqualTo("AWSTestHarnessCreateECSCluster");
        assertThat(validator.validate(rendered)).isEmpty();
    }

    /** Before the transform, the example refers to resources only the transform creates: those, and nothing else, are missing. */
    @Test
    void theExampleTemplateItselfIsValidButForTheReferencesToGeneratedResources() {
        List<String> problems = validator.validate(Fixtures.exampleTemplate());
        Set<String> generated = GeneratedResources.logicalIds(Fixtures.exampleDeclaration());
        Pattern target = Pattern.compile("refers to '([A-Za-z0-9]+)', which is no (?:parameter, )?resource");
        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            Matcher matcher = target.matcher(problem);
            assertThat(matcher.find()).as(problem).isTrue();
            assertThat(generated).as(problem).contains(matcher.group(1));
        });
        // The SAM transform is declared next to ours: its resource type is known, its properties valid.
        assertThat(problems).noneMatch(problem -> problem.contains("unknown"));
    }

    @Test
    void theInstallationStackIsValid() {
        assertThat(validator.validate(Templates.renderInstallationStack(InstallationSettings.defaults()))).isEmpty();
        assertThat(validator.validate(Templates.renderInstallationStack(InstallationSettings.builder().macroNamePrefix("Team1")
                .runnerRepositoryName("team1/runner").logGroupPrefix("/team1/").logRetentionDays(7).keptRunnerImages(3).build()))).isEmpty();
    }

    @Test
    void renderedTemplatesStayValidThroughYaml() {
        JsonNode rendered = Templates.renderTransformed(Fixtures.exampleTemplate(), Map.of(), Fixtures.SETTINGS, "example/template.yaml");
        JsonNode reread = Templates.readTemplate(Templates.toYaml(rendered), "rendered.yaml");
        assertThat(reread).isEqualTo(rendered);
        assertThat(validator.validate(reread)).isEmpty();
    }
}
