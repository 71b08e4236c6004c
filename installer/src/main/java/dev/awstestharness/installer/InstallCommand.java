package dev.awstestharness.installer;

import dev.awstestharness.infrastructure.InstallationSettings;
import dev.awstestharness.installer.aws.AwsSession;
import dev.awstestharness.installer.image.Architecture;
import dev.awstestharness.installer.image.RunnerImagePlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Deploys the installation stack (artifacts bucket, ECR repository, the macro's function and AWS::CloudFormation::Macro), "
                + "uploads the macro's and the relay's packages, and builds and pushes the ECS runner image (with Jib, no Docker needed). "
                + "Run it again to upgrade."})
final class InstallCommand implements Callable<Integer> {
    private final InstallerContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin
    Naming naming;

    @Option(names = "--dry-run", description = "Print what would be created, uploaded and pushed (with the stack's template); call no AWS API.")
    boolean dryRun;

    @Option(names = "--architecture", split = ",", paramLabel = "ARCH", defaultValue = "ARM64,X86_64",
            description = "The runner image's CPU architectures: ARM64, X86_64, or both (default), comma-separated. The test stacks choose "
                    + "theirs with the AWSTestHarnessECSContainerArchitecture parameter (ARM64 by default).")
    List<String> architectures;

    @Option(names = "--base-image", paramLabel = "IMAGE", defaultValue = RunnerImagePlan.DEFAULT_BASE_IMAGE,
            description = "The runner image's base: a Java 21+ JRE image with 'java' on the PATH, pinned by digest, with every chosen "
                    + "architecture. Default: ${DEFAULT-VALUE}.")
    String baseImage;

    @Option(names = "--timeout-minutes", paramLabel = "MINUTES", defaultValue = "20",
            description = "How long to wait for each deployment of the stack. Default: ${DEFAULT-VALUE}.")
    int timeoutMinutes;

    InstallCommand(InstallerContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (timeoutMinutes < 1) throw new InstallerException("--timeout-minutes must be 1 or more, but is " + timeoutMinutes);
        InstallationSettings settings = naming.settings();
        List<Architecture> chosen = architectures.stream().map(Architecture::parse).distinct().toList();
        BuildInfo build = BuildInfo.current();
        EmbeddedArtifact relay = EmbeddedArtifact.relay();
        RunnerImagePlan image = RunnerImagePlan.of(RelayArtifactFiles.unpackLib(relay), baseImage, chosen, build);
        if (dryRun) {
            String region = AwsSession.resolveRegion(aws.region, aws.profile, context.environment());
            InstallationPlan plan = InstallationPlan.of(naming.stackName(), region, settings, relay, EmbeddedArtifact.macro(), image, build);
            out.println("Dry run: no AWS API is called; nothing is created, uploaded or pushed. Without --dry-run, install would do this:");
            if (aws.cloudFormationRoleArn != null) out.println("CloudFormation acts with the service role " + aws.cloudFormationRoleArn + ".");
            plan.print(out, true);
            return 0;
        }
        try (AwsSession session = context.sessions().open(aws.region, aws.profile, context.environment())) {
            InstallationPlan plan = InstallationPlan.of(naming.stackName(), session.region().id(), settings, relay, EmbeddedArtifact.macro(), image,
                    build);
            new Installer(session, out, Duration.ofMinutes(timeoutMinutes), context.pollInterval(), context.imagePusher(),
                    aws.cloudFormationRoleArn).install(plan);
        }
        return 0;
    }
}
