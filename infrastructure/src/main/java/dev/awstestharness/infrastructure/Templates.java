package dev.awstestharness.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.infrastructure.internal.InstallationTemplate;
import dev.awstestharness.infrastructure.internal.TestDoublesTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The public API of the CloudFormation this module generates (used by the installer CLI and by the macro):
 * <ul>
 *   <li>{@link #renderTestDoubles(DoublesDeclaration, TestDoublesSettings)}: a stand-alone test-doubles stack for a
 *       declaration (the generated parameters, conditions, resources and outputs only);</li>
 *   <li>{@link #renderTransformed}: a user's template with the {@code AWSTestHarness-TestDoubles} transform applied
 *       offline, exactly as the macro does on AWS (its {@code Transform} entry removed; other transforms such as
 *       {@value #SAM_TRANSFORM} stay, for CloudFormation to apply);</li>
 *   <li>{@link #renderInstallationStack}: the stack the installer deploys once per account and region: the macro's
 *       Lambda function and {@code AWS::CloudFormation::Macro}, the artifacts bucket and the runner's ECR repository
 *       (see {@link InstallationStack});</li>
 *   <li>{@link #readTemplate} (YAML with CloudFormation's short-form tags, or JSON), {@link #toYaml}, {@link #toJson}.</li>
 * </ul>
 * Rendered templates are Jackson trees in CloudFormation's long form ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [..]}});
 * each call returns a new tree that the caller may change.
 */
public final class Templates {
    /** The macro's name without prefix, as users write it in {@code Transform}. */
    public static final String TRANSFORM_NAME = "AWSTestHarness-TestDoubles";
    /** The SAM transform, which a rendered template keeps. */
    public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private Templates() {}

    /**
     * The test-doubles stack for {@code declaration}: parameters (network, architecture, cluster), conditions,
     * resources and outputs.
     */
    public static ObjectNode renderTestDoubles(DoublesDeclaration declaration, TestDoublesSettings settings) {
        return TestDoublesTransform.standalone(declaration, settings);
    }

    /**
     * Applies the transform to a user's template offline, declaring the doubles given by the template's five
     * {@code AWSTestHarness*} parameters: their {@code Default}s, overridden by {@code parameterValues} (as a deploy's
     * parameter overrides would; a CommaDelimitedList value may be an array or a comma-separated string).
     *
     * @param sourceName names the template in messages
     * @throws InvalidTemplateException naming the parameter, or the logical id that conflicts with a generated one
     */
    public static ObjectNode renderTransformed(JsonNode template, Map<String, ? extends JsonNode> parameterValues, TestDoublesSettings settings,
            String sourceName) {
        return TestDoublesTransform.offline(template, parameterValues, settings, sourceName);
    }

    /** {@link #renderTransformed(JsonNode, Map, TestDoublesSettings, String)} with the parameters' defaults. */
    public static ObjectNode renderTransformed(JsonNode template, TestDoublesSettings settings, String sourceName) {
        return renderTransformed(template, Map.of(), settings, sourceName);
    }

    /** The installation stack (see {@link InstallationStack} for how the installer deploys it). */
    public static ObjectNode renderInstallationStack(InstallationSettings settings) {
        return InstallationTemplate.render(settings);
    }

    /**
     * Reads a template: JSON when it starts with '{', else YAML, whose short-form tags ({@code !Ref}, {@code !GetAtt},
     * {@code !Sub}, ...) become the long form.
     *
     * @param sourceName names the template in messages
     * @throws InvalidTemplateException naming the line of a syntax error
     */
    public static JsonNode readTemplate(String text, String sourceName) {
        return TemplateText.read(text, sourceName);
    }

    /** Reads a template file (see {@link #readTemplate(String, String)}). */
    public static JsonNode readTemplate(Path file) {
        try {
            return readTemplate(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + file + ": " + e.getMessage(), e);
        }
    }

    /** The template as YAML, in CloudFormation's long form (valid CloudFormation YAML, no tags). */
    public static String toYaml(JsonNode template) {
        return TemplateText.yaml(template);
    }

    /** The template as indented JSON. */
    public static String toJson(JsonNode template) {
        return TemplateText.json(template);
    }
}
