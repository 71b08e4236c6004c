package dev.awstestharness.installer;

import dev.awstestharness.infrastructure.InstallationStack;
import dev.awstestharness.installer.aws.AwsSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Deletes what install created: empties the artifacts bucket, then deletes the installation stack, which deletes the macro, "
                + "the bucket and the ECR repository with its images. Test stacks that use the macro keep running but can no longer be updated."})
final class UninstallCommand implements Callable<Integer> {
    private final InstallerContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin
    Naming naming;

    @Option(names = "--dry-run", description = "Print what would be deleted; call no AWS API.")
    boolean dryRun;

    @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--timeout-minutes", paramLabel = "MINUTES", defaultValue = "20",
            description = "How long to wait for the stack's deletion. Default: ${DEFAULT-VALUE}.")
    int timeoutMinutes;

    UninstallCommand(InstallerContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String stackName = naming.stackName();
        if (dryRun) {
            String region = AwsSession.resolveRegion(aws.region, aws.profile, context.environment());
            out.println("Dry run: no AWS API is called; nothing is deleted. Without --dry-run, uninstall would do this in " + region + ":");
            out.println("1. Delete every object and object version in the artifacts bucket (the output "
                    + InstallationStack.ARTIFACTS_BUCKET_OUTPUT + " of the stack " + stackName + ").");
            out.println("2. Delete the stack " + stackName + ", which deletes the macro " + naming.settings().macroName()
                    + " (function, role, log group), the artifacts bucket and the ECR repository " + naming.repositoryName() + " with its images.");
            out.flush();
            return 0;
        }
        try (AwsSession session = context.sessions().open(aws.region, aws.profile, context.environment())) {
            if (!yes && !confirmed(out, stackName, session.region().id())) {
                out.println("Not confirmed: nothing was deleted.");
                out.flush();
                return InstallerException.EXIT_CODE;
            }
            new Installer(session, out, Duration.ofMinutes(timeoutMinutes), context.pollInterval(), context.imagePusher(),
                    aws.cloudFormationRoleArn).uninstall(stackName);
        }
        return 0;
    }

    private boolean confirmed(PrintWriter out, String stackName, String region) {
        out.print("Uninstall aws-test-harness: empty the artifacts bucket and delete the stack " + stackName + " in " + region
                + " with the ECR repository's images? Type the stack name to confirm: ");
        out.flush();
        String answer;
        try {
            answer = context.in().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the confirmation", e);
        }
        if (answer == null) throw new InstallerException("No confirmation could be read (standard input is closed): pass --yes to uninstall without a prompt");
        return answer.strip().equals(stackName);
    }
}
