package dev.awstestharness.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.infrastructure.InstallationSettings;
import dev.awstestharness.infrastructure.RunnerImage;
import dev.awstestharness.infrastructure.S3Location;
import dev.awstestharness.infrastructure.Templates;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Prints templates without touching AWS: a template of yours with the AWSTestHarness-TestDoubles transform applied as the "
                + "macro applies it (other transforms, such as AWS::Serverless-2016-10-31, are kept for CloudFormation), and/or the installation "
                + "stack's template. Works offline."})
final class RenderCommand implements Callable<Integer> {
    /** Stands for the artifacts bucket's name, which CloudFormation chooses at install time. */
    static final String BUCKET_PLACEHOLDER_SUFFIX = "-ARTIFACTS-BUCKET";

    @Spec
    CommandSpec spec;

    @Mixin
    Naming naming;

    @Parameters(arity = "0..1", paramLabel = "TEMPLATE", description = "A template (YAML or JSON) whose AWSTestHarness* parameters declare doubles.")
    Path template;

    @Option(names = "--installation-stack", description = "Print the installation stack's template (after TEMPLATE's, when both are given).")
    boolean installationStack;

    @Option(names = {"--parameter", "-p"}, paramLabel = "NAME=VALUE",
            description = "A parameter value for TEMPLATE, as a deployment's parameter override would give it (e.g. "
                    + "AWSTestHarnessLambdaFunctions=First,Second). Default: the parameters' defaults.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "yaml", paramLabel = "FORMAT", description = "yaml (default) or json.")
    String format;

    @Option(names = "--artifacts-bucket", paramLabel = "BUCKET",
            description = "The artifacts bucket to render the relay's code location with (the installation stack's output ArtifactsBucketName). "
                    + "Default: the placeholder STACK" + BUCKET_PLACEHOLDER_SUFFIX + ".")
    String artifactsBucket;

    @Option(names = "--dry-run", description = "Accepted for symmetry: render never calls AWS.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (template == null && !installationStack) {
            throw new InstallerException("Nothing to render: give a TEMPLATE, --installation-stack, or both (see render --help)");
        }
        if (!format.equals("yaml") && !format.equals("json")) throw new InstallerException("--format must be yaml or json, but is '" + format + "'");
        InstallationSettings installation = naming.settings();
        List<String> documents = new ArrayList<>();
        if (template != null) {
            if (!Files.isRegularFile(template)) throw new InstallerException("The template " + template + " does not exist or is not a file");
            Map<String, JsonNode> values = new LinkedHashMap<>();
            parameters.forEach((name, value) -> values.put(name, TextNode.valueOf(value)));
            JsonNode rendered = Templates.renderTransformed(Templates.readTemplate(template), values, testDoublesSettings(installation),
                    template.toString());
            documents.add(text(rendered));
        }
        if (installationStack) documents.add(text(Templates.renderInstallationStack(installation)));
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < documents.size(); i++) {
            if (format.equals("yaml") && documents.size() > 1) out.println("---");
            String document = documents.get(i);
            out.print(document);
            if (!document.endsWith("\n")) out.println();
        }
        out.flush();
        return 0;
    }

    /** The settings the installed macro would render with: this build's relay package and runner image tag. */
    TestDoublesSettings testDoublesSettings(InstallationSettings installation) {
        BuildInfo build = BuildInfo.current();
        String bucket = artifactsBucket != null && !artifactsBucket.isBlank() ? artifactsBucket.strip() : naming.stackName() + BUCKET_PLACEHOLDER_SUFFIX;
        return TestDoublesSettings.builder().macroName(installation.macroName())
                .relayCode(S3Location.of(bucket, EmbeddedArtifact.relay().s3Key(InstallationPlan.KEY_PREFIX, build.version())))
                .runnerImage(new RunnerImage(installation.runnerRepositoryName(), build.pinnedImageTag()))
                .logGroupPrefix(installation.logGroupPrefix()).logRetentionDays(installation.logRetentionDays())
                .resultTimeoutSeconds(installation.resultTimeoutSeconds()).build();
    }

    private String text(JsonNode template) {
        return format.equals("json") ? Templates.toJson(template) : Templates.toYaml(template);
    }
}
