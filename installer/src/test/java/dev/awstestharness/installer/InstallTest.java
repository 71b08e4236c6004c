package dev.awstestharness.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.infrastructure.InstallationStack;
import dev.awstestharness.installer.aws.EcrAuthorization;
import dev.awstestharness.installer.image.FakeRegistry;
import dev.awstestharness.installer.image.RunnerImageBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code install} and {@code uninstall} end to end, offline: the SDK clients talk to a local server that answers as
 * CloudFormation, STS, S3 and ECR would, and Jib pushes to a local registry with the token ECR gave.
 */
class InstallTest {
    static final BuildInfo BUILD = BuildInfo.current();
    FakeRegistry registry;
    FakeAccount account;
    FakeAwsServer aws;
    String baseImage;

    @BeforeEach
    void start() throws Exception {
        registry = new FakeRegistry("library/eclipse-temurin", "AWS", FakeAccount.ECR_PASSWORD);
        baseImage = registry.host() + "/library/eclipse-temurin:21-jre@" + registry.addBaseImage(List.of("amd64", "arm64"));
        account = new FakeAccount(registry.host() + "/aws-test-harness/ecs-task-runner");
        aws = new FakeAwsServer(account::answer);
    }

    @AfterEach
    void stop() {
        aws.close();
        registry.close();
    }

    /** Jib to the registry with ECR's token, as {@link Installer#JIB_TO_ECR}, but accepting the local registry's certificate. */
    static final Installer.ImagePusher PUSH_TO_LOCAL_REGISTRY = (plan, repositoryUri, session, log) -> {
        EcrAuthorization authorization = EcrAuthorization.fetch(session.ecr());
        return RunnerImageBuilder.push(plan, new RunnerImageBuilder.Target(repositoryUri, authorization.username(), authorization.password(), true), log);
    };

    CliRun install() {
        return CliRun.run(CliRun.withSession(aws.session(), "", PUSH_TO_LOCAL_REGISTRY), "install", "--region", "eu-west-1", "--base-image", baseImage);
    }

    @Test
    void aFirstInstallCreatesTheStackUploadsThePackagesPushesTheImageThenInstallsTheMacro() {
        CliRun run = install();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String relayKey = EmbeddedArtifact.relay().s3Key(InstallationPlan.KEY_PREFIX, BUILD.version());
        String macroKey = EmbeddedArtifact.macro().s3Key(InstallationPlan.KEY_PREFIX, BUILD.version());
        assertThat(account.operations).startsWith("CreateStack", "PUTObject " + macroKey, "PUTObject " + relayKey)
                .endsWith("GetAuthorizationToken", "UpdateStack").hasSize(6);
        assertThat(account.operations.get(3)).matches("PUTObject aws-test-harness/.*/installation-stack-[0-9a-f]{16}\\.yaml");
        assertThat(account.objects.get(relayKey)).isEqualTo(EmbeddedArtifact.relay().bytes());
        assertThat(account.objects.get(macroKey)).isEqualTo(EmbeddedArtifact.macro().bytes());
        assertThat(account.deployedParameters).containsExactly(Map.of(), Map.of(InstallationStack.MACRO_CODE_KEY, macroKey,
                InstallationStack.RELAY_CODE_KEY, relayKey, InstallationStack.RUNNER_IMAGE_TAG, BUILD.pinnedImageTag()));
        assertThat(account.deployedCapabilities).allSatisfy(capabilities -> assertThat(capabilities).contains("CAPABILITY_IAM"));
        assertThat(registry.manifests.get("aws-test-harness/ecs-task-runner")).containsKeys(BUILD.imageTags().toArray(String[]::new));
        assertThat(run.out()).contains("account 123456789012").contains("Installed.").contains("MacroName = AWSTestHarness-TestDoubles")
                .contains("Transform: [AWSTestHarness-TestDoubles, AWS::Serverless-2016-10-31]");
    }

    @Test
    void anUpgradeKeepsTheStacksBucketAndRepositoryAndUpdatesItOnce() {
        assertThat(install().exitCode()).isZero();
        account.operations.clear();

        CliRun run = install();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(account.operations).doesNotContain("CreateStack").containsOnlyOnce("UpdateStack");
        assertThat(run.out()).contains("1. The stack aws-test-harness exists");
    }

    @Test
    void aCloudFormationServiceRoleIsPassedToEveryDeployment() {
        String role = "arn:aws:iam::123456789012:role/aws-test-harness-installation";

        CliRun run = CliRun.run(CliRun.withSession(aws.session(), "", PUSH_TO_LOCAL_REGISTRY), "install", "--region", "eu-west-1", "--base-image",
                baseImage, "--cloudformation-role-arn", role);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(account.deployedRoles).containsExactly(role, role);
    }

    @Test
    void aFailedCreationNamesTheFailedResourceAndItsReason() {
        account.failingResource = InstallationStack.ARTIFACTS_BUCKET;
        account.failureReason = "Resource handler returned message: \"Access Denied for s3:PutBucketPolicy\"";

        CliRun run = install();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("The stack aws-test-harness ended in ROLLBACK_COMPLETE instead of CREATE_COMPLETE. Failed resources:")
                .contains("ArtifactsBucket (AWS::S3::Bucket): CREATE_FAILED: Resource handler returned message: \"Access Denied for s3:PutBucketPolicy\"");
        assertThat(account.operations).containsExactly("CreateStack");
    }

    @Test
    void uninstallEmptiesTheBucketThenDeletesTheStack() {
        assertThat(install().exitCode()).isZero();
        account.operations.clear();

        CliRun run = CliRun.run(CliRun.withSession(aws.session(), "", PUSH_TO_LOCAL_REGISTRY), "uninstall", "--region", "eu-west-1", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(account.objects).isEmpty();
        assertThat(account.operations).startsWith("ListObjectVersions").endsWith("DeleteStack").filteredOn(op -> op.startsWith("DeleteObject")).hasSize(3);
        assertThat(run.out()).contains("Uninstalled: the stack aws-test-harness is deleted.");
    }

    @Test
    void uninstallAsksForTheStackNameAndDeletesNothingWithoutIt() {
        assertThat(install().exitCode()).isZero();
        account.operations.clear();

        CliRun wrong = CliRun.run(CliRun.withSession(aws.session(), "yes\n", PUSH_TO_LOCAL_REGISTRY), "uninstall", "--region", "eu-west-1");
        CliRun closed = CliRun.run(CliRun.withSession(aws.session(), "", PUSH_TO_LOCAL_REGISTRY), "uninstall", "--region", "eu-west-1");

        assertThat(wrong.out()).contains("Type the stack name to confirm: ").contains("Not confirmed: nothing was deleted.");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(closed.err()).contains("pass --yes to uninstall without a prompt");
        assertThat(account.operations).isEmpty();
    }
}
