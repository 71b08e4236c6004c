package dev.awstestharness.installer;

import dev.awstestharness.infrastructure.InstallationSettings;
import dev.awstestharness.infrastructure.InstallationStack;
import dev.awstestharness.infrastructure.Templates;
import dev.awstestharness.installer.image.RunnerImagePlan;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code install} does, decided before it calls AWS (and all that {@code install --dry-run} prints): the
 * installation stack's name and template, the two deployments of it, the objects uploaded to its artifacts bucket and
 * the runner image pushed to its repository.
 *
 * @param stackName the installation stack
 * @param region where it goes
 * @param settings what the installation stack is rendered from
 * @param template the installation stack's template (YAML)
 * @param macro the macro's package, for the artifacts bucket
 * @param relay the relay's package, for the artifacts bucket
 * @param templateCopy the template, for the artifacts bucket (for the record)
 * @param image the runner image
 * @param build the installer's version and commit
 */
public record InstallationPlan(String stackName, String region, InstallationSettings settings, String template, Upload macro, Upload relay,
        Upload templateCopy, RunnerImagePlan image, BuildInfo build) {
    /** The key prefix of everything the installer uploads. */
    public static final String KEY_PREFIX = "aws-test-harness";
    /** CloudFormation's limit for a template given in the request (TemplateBody). */
    static final int TEMPLATE_BODY_LIMIT = 51_200;

    /** One object for the artifacts bucket. */
    public record Upload(String what, String key, EmbeddedArtifact content, String contentType) {}

    public InstallationPlan {
        int size = template.getBytes(StandardCharsets.UTF_8).length;
        if (size > TEMPLATE_BODY_LIMIT) {
            throw new IllegalStateException("The installation stack's template has " + size + " bytes, more than CloudFormation accepts in a request ("
                    + TEMPLATE_BODY_LIMIT + ")");
        }
    }

    /** The plan for {@code settings}, with the installer's own artifacts and the given runner image. */
    public static InstallationPlan of(String stackName, String region, InstallationSettings settings, EmbeddedArtifact relay, EmbeddedArtifact macro,
            RunnerImagePlan image, BuildInfo build) {
        String template = Templates.toYaml(Templates.renderInstallationStack(settings));
        EmbeddedArtifact templateCopy = new EmbeddedArtifact("installation-stack", "yaml", template.getBytes(StandardCharsets.UTF_8));
        return new InstallationPlan(stackName, region, settings, template,
                new Upload("the macro's Lambda package", macro.s3Key(KEY_PREFIX, build.version()), macro, "application/java-archive"),
                new Upload("the Lambda relay's package, the code of the Lambda function doubles", relay.s3Key(KEY_PREFIX, build.version()), relay,
                        "application/zip"),
                new Upload("a copy of the installation stack's template", templateCopy.s3Key(KEY_PREFIX, build.version()), templateCopy,
                        "application/x-yaml"),
                image, build);
    }

    /** What goes to the artifacts bucket, in order. */
    public List<Upload> uploads() {
        return List.of(macro, relay, templateCopy);
    }

    /** The first deployment's parameters: their defaults (no code yet), which create the bucket and the repository only. */
    public Map<String, String> bootstrapParameters() {
        return Map.of();
    }

    /** The second deployment's parameters: the uploaded code and the pushed image tag, which install the macro. */
    public Map<String, String> installParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(InstallationStack.MACRO_CODE_KEY, macro.key());
        parameters.put(InstallationStack.RELAY_CODE_KEY, relay.key());
        parameters.put(InstallationStack.RUNNER_IMAGE_TAG, build.pinnedImageTag());
        return parameters;
    }

    /** Prints the plan, step by step, then the template. */
    public void print(PrintWriter out, boolean withTemplate) {
        out.println("Installation of aws-test-harness " + build.version() + build.commit().map(commit -> " (commit " + commit + ")").orElse("")
                + " in " + region + ":");
        out.println("1. CloudFormation stack " + stackName + " (capabilities CAPABILITY_IAM, CAPABILITY_NAMED_IAM): when it does not exist, create it "
                + "with the parameters' defaults, which creates the artifacts bucket and the ECR repository " + settings.runnerRepositoryName() + ".");
        out.println("2. Upload to the artifacts bucket (the stack's output " + InstallationStack.ARTIFACTS_BUCKET_OUTPUT + "):");
        for (Upload upload : uploads()) {
            out.println("     " + upload.key() + "  (" + upload.what() + "; " + upload.content().size() + " bytes, sha256 " + upload.content().sha256() + ")");
        }
        out.println("3. Build the runner image and push it to the repository (the stack's output " + InstallationStack.RUNNER_REPOSITORY_URI_OUTPUT
                + ", <account>.dkr.ecr." + region + ".amazonaws.com/" + settings.runnerRepositoryName() + ") with the tags " + String.join(", ", image.tags())
                + ":");
        out.println("     base image   " + image.baseImage());
        out.println("     platforms    " + String.join(", ", image.platforms()));
        out.println("     entrypoint   " + image.entrypoint());
        out.println("     user         " + image.user());
        for (RunnerImagePlan.Layer layer : image.layers()) {
            out.println("     layer " + layer.name() + " (" + layer.files().size() + " files in " + layer.directory() + "): "
                    + layer.files().stream().map(file -> file.getFileName().toString()).toList());
        }
        out.println("4. Update the stack with " + installParameters() + ": it creates the macro " + settings.macroName()
                + " (its Lambda function, role and log group and the AWS::CloudFormation::Macro).");
        if (withTemplate) {
            out.println("Template of the stack " + stackName + ":");
            out.println("---");
            out.print(template);
            if (!template.endsWith("\n")) out.println();
        }
        out.flush();
    }
}
