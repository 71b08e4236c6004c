package dev.awstestharness.infrastructure;

import static dev.awstestharness.infrastructure.TemplateTests.names;
import static dev.awstestharness.infrastructure.TemplateTests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.infrastructure.macro.MacroEnvironment;
import dev.awstestharness.infrastructure.macro.TestDoublesMacro;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installation stack: what its first and second deployment create, and what the macro gets from it. */
class InstallationStackTest {
    private static final JsonNode TEMPLATE = Templates.renderInstallationStack(InstallationSettings.defaults());

    @Test
    void theFirstDeploymentCreatesOnlyTheArtifactsBucketAndTheRunnerRepository() {
        TemplateEvaluator first = new TemplateEvaluator(TEMPLATE, Map.of());
        assertThat(names(TEMPLATE.path("Resources")).stream().filter(first::exists)).containsExactly(InstallationStack.ARTIFACTS_BUCKET,
                InstallationStack.RUNNER_REPOSITORY);
        TemplateEvaluator second = new TemplateEvaluator(TEMPLATE, Map.of(InstallationStack.MACRO_CODE_KEY, "aws-test-harness/0.1.0/macro.jar",
                InstallationStack.RELAY_CODE_KEY, "aws-test-harness/0.1.0/relay.jar", InstallationStack.RUNNER_IMAGE_TAG, "0.1.0"));
        assertThat(names(TEMPLATE.path("Resources")).stream().filter(second::exists)).containsExactly(InstallationStack.ARTIFACTS_BUCKET,
                InstallationStack.RUNNER_REPOSITORY, InstallationStack.MACRO_LOG_GROUP, InstallationStack.MACRO_FUNCTION_ROLE,
                InstallationStack.MACRO_FUNCTION, InstallationStack.MACRO);
        assertThat(TEMPLATE.path("Rules").path("ArtifactsGivenWithTheMacro").path("Assertions")).hasSize(2);
    }

    @Test
    void theMacroIsAJava21FunctionFromTheArtifactsBucketNamedWithThePrefix() {
        JsonNode template = Templates.renderInstallationStack(InstallationSettings.builder().macroNamePrefix("Team1").build());
        assertThat(template.at("/Resources/Macro")).isEqualTo(yaml("""
                Type: AWS::CloudFormation::Macro
                Condition: MacroCodeUploaded
                Properties:
                  Name: Team1AWSTestHarness-TestDoubles
                  Description: "aws-test-harness: creates the test doubles declared by a template's AWSTestHarness* parameters"
                  FunctionName: !GetAtt MacroFunction.Arn
                """));
        JsonNode function = template.at("/Resources/MacroFunction/Properties");
        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(function.path("Handler").asText()).isEqualTo(TestDoublesMacro.HANDLER);
        assertThat(function.path("Code")).isEqualTo(yaml("{S3Bucket: !Ref ArtifactsBucket, S3Key: !Ref MacroCodeS3Key}"));
        assertThat(function.path("LoggingConfig")).isEqualTo(yaml("{LogFormat: Text, LogGroup: !Ref MacroLogGroup}"));
        assertThat(template.at("/Resources/MacroLogGroup/Properties")).isEqualTo(yaml(
                "{LogGroupName: /aws-test-harness/Team1AWSTestHarness-TestDoubles, RetentionInDays: 1}"));
    }

    @Test
    void theMacrosEnvironmentGivesTheSettingsOfTheDoublesItGenerates() {
        InstallationSettings settings = InstallationSettings.builder().macroNamePrefix("Team1").logGroupPrefix("/team1/").logRetentionDays(7)
                .resultTimeoutSeconds(120).build();
        JsonNode template = Templates.renderInstallationStack(settings);
        TemplateEvaluator evaluator = new TemplateEvaluator(template, Map.of(InstallationStack.MACRO_CODE_KEY, "k/macro.jar",
                InstallationStack.RELAY_CODE_KEY, "k/relay.jar", InstallationStack.RUNNER_IMAGE_TAG, "0.1.0"));
        Map<String, String> environment = new HashMap<>();
        evaluator.evaluate(template.at("/Resources/MacroFunction/Properties/Environment/Variables")).properties()
                .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
        // Ref of the bucket and repository give their names.
        environment.replace(MacroEnvironment.RELAY_CODE_BUCKET, "artifacts-bucket");
        environment.replace(MacroEnvironment.RUNNER_REPOSITORY_NAME, settings.runnerRepositoryName());
        assertThat(MacroEnvironment.settings(environment)).isEqualTo(TestDoublesSettings.builder().macroName("Team1AWSTestHarness-TestDoubles")
                .relayCode(S3Location.of("artifacts-bucket", "k/relay.jar")).runnerImage(new RunnerImage("aws-test-harness/ecs-task-runner", "0.1.0"))
                .logGroupPrefix("/team1/").logRetentionDays(7).resultTimeoutSeconds(120).build());
        assertThat(template.at("/Resources/MacroFunction/Properties/Environment/Variables/" + MacroEnvironment.RUNNER_REPOSITORY_NAME))
                .isEqualTo(yaml("!Ref RunnerRepository"));
    }

    @Test
    void theMacroMayOnlyWriteItsLogs() {
        assertThat(TemplateTests.roleStatements(TEMPLATE)).containsOnlyKeys(InstallationStack.MACRO_FUNCTION_ROLE);
        assertThat(TemplateTests.roleStatements(TEMPLATE).get(InstallationStack.MACRO_FUNCTION_ROLE)).containsExactly(yaml("""
                Sid: WriteLogs
                Effect: Allow
                Action: [logs:CreateLogStream, logs:PutLogEvents]
                Resource: !GetAtt MacroLogGroup.Arn
                """));
    }

    @Test
    void theRunnerRepositoryScansOnPushAndKeepsTheLastImages() throws Exception {
        JsonNode repository = Templates.renderInstallationStack(InstallationSettings.builder().keptRunnerImages(5).build())
                .at("/Resources/RunnerRepository/Properties");
        assertThat(repository.path("RepositoryName").asText()).isEqualTo(InstallationSettings.DEFAULT_RUNNER_REPOSITORY_NAME);
        assertThat(repository.path("ImageScanningConfiguration")).isEqualTo(yaml("{ScanOnPush: true}"));
        assertThat(repository.path("EmptyOnDelete").asBoolean()).isTrue();
        JsonNode policy = new ObjectMapper().readTree(repository.at("/LifecyclePolicy/LifecyclePolicyText").asText());
        assertThat(policy).isEqualTo(yaml("""
                rules:
                  - rulePriority: 1
                    description: Keep the last 5 runner images
                    selection: {tagStatus: tagged, tagPatternList: ["*"], countType: imageCountMoreThan, countNumber: 5}
                    action: {type: expire}
                """));
    }

    @Test
    void theArtifactsBucketIsPrivateAndEncryptedAndKeepsItsArtifacts() {
        JsonNode bucket = TEMPLATE.at("/Resources/ArtifactsBucket/Properties");
        assertThat(bucket.path("PublicAccessBlockConfiguration")).isEqualTo(yaml(
                "{BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}"));
        assertThat(bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText())
                .isEqualTo("AES256");
        assertThat(bucket.at("/LifecycleConfiguration/Rules")).isEqualTo(yaml(
                "[{Id: AbortIncompleteUploads, Status: Enabled, AbortIncompleteMultipartUpload: {DaysAfterInitiation: 1}}]"));
    }

    @Test
    void theOutputsGiveWhatTheInstallerUploadsAndPushesTo() {
        assertThat(names(TEMPLATE.path("Outputs"))).containsExactly(InstallationStack.ARTIFACTS_BUCKET_OUTPUT,
                InstallationStack.RUNNER_REPOSITORY_NAME_OUTPUT, InstallationStack.RUNNER_REPOSITORY_URI_OUTPUT, InstallationStack.MACRO_NAME_OUTPUT,
                InstallationStack.MACRO_FUNCTION_ARN_OUTPUT);
        assertThat(TEMPLATE.at("/Outputs/MacroName/Condition").asText()).isEqualTo(InstallationStack.INSTALLED_CONDITION);
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> InstallationSettings.builder().macroNamePrefix("has space").build())
                .hasMessage("The macro name prefix 'has space' is not valid: up to 64 letters, digits, '-' and '_'");
        assertThatThrownBy(() -> InstallationSettings.builder().runnerRepositoryName("Upper/Case").build())
                .hasMessageStartingWith("The runner image repository name 'Upper/Case' is not a valid ECR repository name");
        assertThatThrownBy(() -> InstallationSettings.builder().logRetentionDays(2).build())
                .hasMessageStartingWith("A log retention of 2 days is not one CloudWatch Logs accepts: [1, 3, 5, 7, 14,");
        assertThatThrownBy(() -> TestDoublesSettings.builder().runnerImage(Fixtures.SETTINGS.runnerImage()).build())
                .hasMessage("The test-doubles settings need relayCode: the S3 location of the Lambda relay's jar");
    }
}
