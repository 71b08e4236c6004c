package dev.awstestharness.installer;

import dev.awstestharness.infrastructure.InstallationStack;
import dev.awstestharness.installer.aws.ArtifactsBucket;
import dev.awstestharness.installer.aws.AwsSession;
import dev.awstestharness.installer.aws.EcrAuthorization;
import dev.awstestharness.installer.aws.Stacks;
import dev.awstestharness.installer.aws.Stacks.StackState;
import dev.awstestharness.installer.image.RunnerImageBuilder;
import dev.awstestharness.installer.image.RunnerImagePlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Carries out an {@link InstallationPlan} in AWS, and uninstalls. */
public final class Installer {
    /** Pushes the runner image; Jib to ECR, or to another registry in tests. */
    @FunctionalInterface
    public interface ImagePusher {
        RunnerImageBuilder.PushedImage push(RunnerImagePlan plan, String repositoryUri, AwsSession session, PrintWriter log);
    }

    /** Jib to the account's ECR registry, with a token from {@code ecr:GetAuthorizationToken}. */
    public static final ImagePusher JIB_TO_ECR = (plan, repositoryUri, session, log) -> {
        EcrAuthorization authorization = EcrAuthorization.fetch(session.ecr());
        return RunnerImageBuilder.push(plan, RunnerImageBuilder.Target.withCredentials(repositoryUri, authorization.username(),
                authorization.password()), log);
    };

    private final AwsSession session;
    private final PrintWriter out;
    private final Duration timeout;
    private final Stacks stacks;
    private final ImagePusher pusher;

    /** @param cloudFormationRoleArn the service role CloudFormation acts with, or {@code null} for the caller's permissions */
    public Installer(AwsSession session, PrintWriter out, Duration timeout, Duration pollInterval, ImagePusher pusher, String cloudFormationRoleArn) {
        this.session = session;
        this.out = out;
        this.timeout = timeout;
        this.stacks = new Stacks(session.cloudFormation(), pollInterval, out, cloudFormationRoleArn);
        this.pusher = pusher;
    }

    /** What an installation left: the stack's outputs and the pushed image. */
    public record Installed(StackState stack, RunnerImageBuilder.PushedImage image) {}

    /**
     * Deploys the installation stack (twice on a first install, see {@link InstallationStack}), uploads the artifacts
     * and pushes the runner image, reporting each step.
     */
    public Installed install(InstallationPlan plan) {
        GetCallerIdentityResponse identity = session.identity();
        out.println("Installing aws-test-harness " + plan.build().version() + " in account " + identity.account() + ", region " + plan.region()
                + ", as " + identity.arn() + ".");
        out.flush();

        Optional<StackState> existing = stacks.describe(plan.stackName());
        StackState stack;
        if (existing.isPresent() && existing.get().output(InstallationStack.ARTIFACTS_BUCKET_OUTPUT).isPresent()
                && existing.get().output(InstallationStack.RUNNER_REPOSITORY_URI_OUTPUT).isPresent()) {
            stack = existing.get();
            out.println("1. The stack " + plan.stackName() + " exists (" + stack.status() + "): its bucket and repository are kept.");
        } else {
            out.println("1. Deploying the stack " + plan.stackName() + " with the artifacts bucket and the ECR repository ...");
            out.flush();
            stack = stacks.deploy(plan.stackName(), plan.template(), plan.bootstrapParameters(), timeout);
        }
        String bucketName = required(stack, InstallationStack.ARTIFACTS_BUCKET_OUTPUT);
        String repositoryUri = required(stack, InstallationStack.RUNNER_REPOSITORY_URI_OUTPUT);

        out.println("2. Uploading to s3://" + bucketName + ":");
        ArtifactsBucket bucket = new ArtifactsBucket(session.s3(), bucketName);
        for (InstallationPlan.Upload upload : plan.uploads()) {
            bucket.upload(upload.key(), upload.content().bytes(), upload.contentType());
            out.println("     " + upload.key() + " (" + upload.content().size() + " bytes)");
            out.flush();
        }

        out.println("3. Building the runner image for " + String.join(", ", plan.image().platforms()) + " on " + plan.image().baseImage()
                + " and pushing it to " + repositoryUri + " ...");
        out.flush();
        RunnerImageBuilder.PushedImage image = pusher.push(plan.image(), repositoryUri, session, out);
        out.println("     pushed " + image.reference() + " with the tags " + String.join(", ", image.tags()));

        out.println("4. Updating the stack " + plan.stackName() + " with the code and the image tag, which installs the macro ...");
        out.flush();
        StackState installed = stacks.deploy(plan.stackName(), plan.template(), plan.installParameters(), timeout);

        out.println();
        out.println("Installed. The stack " + plan.stackName() + "'s outputs:");
        installed.outputs().forEach((key, value) -> out.println("  " + key + " = " + value));
        out.println("Declare test doubles in a template with 'Transform: [" + installed.output(InstallationStack.MACRO_NAME_OUTPUT)
                .orElse(plan.settings().macroName()) + ", AWS::Serverless-2016-10-31]' (see README, \"Run on AWS\").");
        out.flush();
        return new Installed(installed, image);
    }

    /** Empties the artifacts bucket and deletes the installation stack (which deletes the repository with its images). */
    public void uninstall(String stackName) {
        session.identity();
        Optional<StackState> existing = stacks.describe(stackName);
        if (existing.isEmpty()) {
            out.println("There is no stack " + stackName + " in " + session.region() + ": nothing to uninstall.");
            out.flush();
            return;
        }
        Optional<String> bucket = existing.get().output(InstallationStack.ARTIFACTS_BUCKET_OUTPUT);
        if (bucket.isPresent()) {
            int deleted = new ArtifactsBucket(session.s3(), bucket.get()).empty();
            out.println("Emptied s3://" + bucket.get() + " (" + deleted + " objects and versions deleted).");
            out.flush();
        }
        out.println("Deleting the stack " + stackName + " (the macro, the artifacts bucket and the ECR repository with its images) ...");
        out.flush();
        stacks.delete(stackName, timeout);
        out.println("Uninstalled: the stack " + stackName + " is deleted.");
        out.flush();
    }

    private static String required(StackState stack, String output) {
        return stack.output(output).orElseThrow(() -> new InstallerException("The stack " + stack.name() + " has no output " + output
                + " (its outputs: " + stack.outputs().keySet() + "); is it an aws-test-harness installation stack of this version?"));
    }
}
