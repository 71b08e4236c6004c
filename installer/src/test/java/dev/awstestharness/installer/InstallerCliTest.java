package dev.awstestharness.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.infrastructure.InstallationStack;
import dev.awstestharness.infrastructure.Templates;
import dev.awstestharness.installer.aws.AwsSession;
import dev.awstestharness.installer.image.RunnerImagePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands run in-process, offline: render, the dry runs, and the errors about region and credentials. */
class InstallerCliTest {
    static final Path EXAMPLE_TEMPLATE = Path.of(System.getProperty("example.directory", "../example"), "template.yaml");
    static final BuildInfo BUILD = BuildInfo.current();

    static CliRun offline(String... args) {
        return CliRun.run(CliRun.offline(Map.of()), args);
    }

    @Test
    void renderDryRunOfTheExampleTemplatePrintsItWithTheDoublesGeneratedOffline() {
        CliRun run = offline("render", "--dry-run", EXAMPLE_TEMPLATE.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode template = Templates.readTemplate(run.out(), "the output of render");
        assertThat(template.get("Transform").asText()).isEqualTo(Templates.SAM_TRANSFORM);
        assertThat(template.at("/Resources/ExampleStateMachine/Type").asText()).isEqualTo("AWS::Serverless::StateMachine");
        JsonNode relay = template.at("/Resources/FirstAWSTestHarnessLambdaFunction");
        assertThat(relay.get("Type").asText()).isEqualTo("AWS::Lambda::Function");
        assertThat(relay.toString()).contains(EmbeddedArtifact.relay().s3Key(InstallationPlan.KEY_PREFIX, BUILD.version()))
                .contains("aws-test-harness" + RenderCommand.BUCKET_PLACEHOLDER_SUFFIX);
        assertThat(template.at("/Resources/SecondAWSTestHarnessECSTaskDefinition/Type").asText()).isEqualTo("AWS::ECS::TaskDefinition");
        assertThat(template.at("/Resources/SecondAWSTestHarnessECSTaskDefinition").toString()).contains(BUILD.pinnedImageTag());
    }

    @Test
    void renderPrintsJsonWhenAsked() {
        CliRun run = offline("render", "--format", "json", EXAMPLE_TEMPLATE.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("{");
        assertThat(Templates.readTemplate(run.out(), "json").at("/Resources/FirstAWSTestHarnessStateMachine/Type").asText())
                .isEqualTo("AWS::StepFunctions::StateMachine");
    }

    @Test
    void renderOfTheInstallationStackPrintsItsTemplateWithThePrefixedMacro() {
        CliRun run = offline("render", "--installation-stack", "--prefix", "TeamA-");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode template = Templates.readTemplate(run.out(), "the output of render");
        assertThat(template.at("/Parameters").has(InstallationStack.MACRO_CODE_KEY)).isTrue();
        assertThat(template.at("/Resources").has(InstallationStack.ARTIFACTS_BUCKET)).isTrue();
        assertThat(template.at("/Resources").has(InstallationStack.RUNNER_REPOSITORY)).isTrue();
        assertThat(run.out()).contains("TeamA-AWSTestHarness-TestDoubles").contains("teama-aws-test-harness/ecs-task-runner");
    }

    @Test
    void renderNamesTheParameterOfABadDeclaration(@TempDir Path directory) throws Exception {
        Path template = directory.resolve("bad.yaml");
        Files.writeString(template, "Transform: AWSTestHarness-TestDoubles\nParameters:\n  AWSTestHarnessDynamoDBTables:\n    Type: String\n"
                + "    Default: '{\"Orders\": {\"PartitionKey\": 42}}'\nResources: {}\n");

        CliRun run = offline("render", template.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("AWSTestHarnessDynamoDBTables");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void renderWithNothingToRenderOrAMissingFileSaysSo() {
        assertThat(offline("render").err()).contains("Nothing to render: give a TEMPLATE, --installation-stack, or both");
        assertThat(offline("render", "no/such/template.yaml").err()).contains("The template no/such/template.yaml does not exist");
    }

    @Test
    void installDryRunListsTheStackTheUploadsTheImageAndTheTemplateWithoutCallingAws() {
        CliRun run = offline("install", "--dry-run", "--region", "eu-west-1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Dry run: no AWS API is called")
                .contains("CloudFormation stack aws-test-harness ")
                .contains(EmbeddedArtifact.relay().s3Key(InstallationPlan.KEY_PREFIX, BUILD.version()))
                .contains(EmbeddedArtifact.macro().s3Key(InstallationPlan.KEY_PREFIX, BUILD.version()))
                .contains("with the tags " + String.join(", ", BUILD.imageTags()))
                .contains("<account>.dkr.ecr.eu-west-1.amazonaws.com/aws-test-harness/ecs-task-runner")
                .contains("base image   " + RunnerImagePlan.DEFAULT_BASE_IMAGE)
                .contains("platforms    linux/arm64, linux/amd64")
                .contains(InstallationStack.RUNNER_IMAGE_TAG + "=" + BUILD.pinnedImageTag());
        String template = run.out().substring(run.out().indexOf("\n---\n") + 5);
        assertThat(Templates.readTemplate(template, "the dry run's template").at("/Resources").has(InstallationStack.MACRO_FUNCTION)).isTrue();
    }

    @Test
    void installDryRunUsesThePrefixAndTheChosenArchitecture() {
        CliRun run = offline("install", "--dry-run", "--region", "us-east-1", "--prefix", "team-a-", "--architecture", "arm64");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("CloudFormation stack team-a-aws-test-harness ")
                .contains("us-east-1.amazonaws.com/team-a-aws-test-harness/ecs-task-runner")
                .contains("creates the macro team-a-AWSTestHarness-TestDoubles")
                .contains("platforms    linux/arm64\n");
    }

    @Test
    void aRegionFromTheEnvironmentServesWhenNoneIsGiven() {
        CliRun run = CliRun.run(CliRun.offline(Map.of("AWS_REGION", "ap-southeast-2")), "install", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("in ap-southeast-2:");
    }

    @Test
    void withoutARegionTheCommandsSayWhereToGiveOne() {
        for (String command : new String[] {"install", "uninstall"}) {
            CliRun run = offline(command, "--dry-run");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).startsWith("Error: No AWS region: pass --region (e.g. --region eu-west-1), or set AWS_REGION, or set 'region' in "
                    + "the profile 'default' of");
        }
    }

    @Test
    void aRegionThatIsNoRegionIsRefused() {
        CliRun run = offline("install", "--dry-run", "--region", "Europe");

        assertThat(run.err()).contains("The region 'Europe' (from --region) is not an AWS region name such as eu-west-1");
    }

    @Test
    void withoutCredentialsInstallSaysHowToGiveThem() {
        InstallerContext context = new InstallerContext(Map.of(), new java.io.BufferedReader(new java.io.StringReader("")), AwsSession::resolve,
                java.time.Duration.ofMillis(1), (plan, repositoryUri, session, log) -> {
                    throw new AssertionError("pushed");
                });

        CliRun run = CliRun.run(context, "install", "--region", "eu-west-1", "--profile", "no-such-profile");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: No AWS credentials found. Give them with --profile <name>").contains("(profile 'no-such-profile')");
    }

    @Test
    void anUnknownArchitectureIsRefusedNamingTheKnownOnes() {
        CliRun run = offline("install", "--dry-run", "--region", "eu-west-1", "--architecture", "SPARC");

        assertThat(run.err()).contains("Unknown architecture 'SPARC': expected one of ARM64, X86_64");
    }

    @Test
    void uninstallDryRunSaysWhatWouldBeDeleted() {
        CliRun run = offline("uninstall", "--dry-run", "--region", "eu-west-1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Delete every object and object version in the artifacts bucket (the output ArtifactsBucketName of the stack "
                + "aws-test-harness)").contains("Delete the stack aws-test-harness").contains("aws-test-harness/ecs-task-runner with its images");
    }

    @Test
    void everyCommandHasHelpListingItsOptions() {
        assertThat(offline("--help").out()).contains("install").contains("render").contains("uninstall");
        assertThat(offline("install", "--help").out()).contains("--region").contains("--profile").contains("--prefix").contains("--stack-name")
                .contains("--architecture").contains("--base-image").contains("--dry-run");
        assertThat(offline("render", "--help").out()).contains("TEMPLATE").contains("--installation-stack").contains("--parameter").contains("--dry-run");
        assertThat(offline("uninstall", "--help").out()).contains("--yes").contains("--dry-run").contains("--region");
    }

    @Test
    void withoutACommandItSaysWhichExist() {
        CliRun run = offline();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: install, render or uninstall");
    }
}
