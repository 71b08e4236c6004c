package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.infrastructure.InstallationSettings;
import dev.awstestharness.infrastructure.InstallationStack;
import dev.awstestharness.infrastructure.macro.MacroEnvironment;
import dev.awstestharness.infrastructure.macro.TestDoublesMacro;
import java.util.List;

/**
 * The installation stack: the artifacts bucket and the runner's ECR repository (shared by every test stack of the
 * account and region), and, once the macro's code is uploaded, the macro's function, role and log group and the
 * {@code AWS::CloudFormation::Macro}. See {@link InstallationStack} for the deployment steps.
 */
public final class InstallationTemplate {
    static final String MACRO_RUNTIME = "java21";
    static final int MACRO_MEMORY_MB = 1024;
    /** A large template takes well under a second; the rest is the cold start. */
    static final int MACRO_TIMEOUT_SECONDS = 60;

    private InstallationTemplate() {}

    public static ObjectNode render(InstallationSettings settings) {
        GeneratedTemplate template = new GeneratedTemplate();
        template.parameter(InstallationStack.MACRO_CODE_KEY, "String", "",
                "the macro: the key of its jar in the artifacts bucket; empty on the first deployment, which creates the bucket");
        template.parameter(InstallationStack.RELAY_CODE_KEY, "String", "",
                "the Lambda function doubles: the key of the relay's jar in the artifacts bucket");
        template.parameter(InstallationStack.RUNNER_IMAGE_TAG, "String", "",
                "the ECS task doubles: the tag of the runner image in the repository").put("AllowedPattern", "^$|^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");
        template.condition(InstallationStack.INSTALLED_CONDITION, Cfn.not(Cfn.equalsTo(Cfn.ref(InstallationStack.MACRO_CODE_KEY), "")),
                "whether the macro's code is uploaded");

        SharedResources.bucket(template, InstallationStack.ARTIFACTS_BUCKET, "the artifacts bucket");
        // Artifacts stay until the next install replaces them; only unfinished uploads are cleaned up.
        ObjectNode artifacts = (ObjectNode) template.resourceNode(InstallationStack.ARTIFACTS_BUCKET).get("Properties");
        ObjectNode rule = Cfn.object().put("Id", "AbortIncompleteUploads").put("Status", "Enabled");
        rule.putObject("AbortIncompleteMultipartUpload").put("DaysAfterInitiation", 1);
        artifacts.putObject("LifecycleConfiguration").putArray("Rules").add(rule);

        ObjectNode repository = template.resource(InstallationStack.RUNNER_REPOSITORY, "AWS::ECR::Repository",
                "the ECS task runner's image repository");
        repository.put("RepositoryName", settings.runnerRepositoryName());
        repository.putObject("ImageScanningConfiguration").put("ScanOnPush", true);
        repository.put("ImageTagMutability", "MUTABLE");
        repository.putObject("EncryptionConfiguration").put("EncryptionType", "AES256");
        repository.putObject("LifecyclePolicy").put("LifecyclePolicyText", lifecyclePolicy(settings.keptRunnerImages()));
        // Uninstalling deletes the images with the repository.
        repository.put("EmptyOnDelete", true);

        macro(template, settings);

        template.output(InstallationStack.ARTIFACTS_BUCKET_OUTPUT, "The bucket of the macro's and the relay's jars",
                Cfn.ref(InstallationStack.ARTIFACTS_BUCKET), null);
        template.output(InstallationStack.RUNNER_REPOSITORY_NAME_OUTPUT, "The ECS task runner's image repository",
                Cfn.ref(InstallationStack.RUNNER_REPOSITORY), null);
        template.output(InstallationStack.RUNNER_REPOSITORY_URI_OUTPUT, "The URI to push the ECS task runner's image to",
                Cfn.getAtt(InstallationStack.RUNNER_REPOSITORY, "RepositoryUri"), null);
        template.output(InstallationStack.MACRO_NAME_OUTPUT, "The macro to name in a template's Transform", Cfn.ref(InstallationStack.MACRO),
                InstallationStack.INSTALLED_CONDITION);
        template.output(InstallationStack.MACRO_FUNCTION_ARN_OUTPUT, "The macro's Lambda function", Cfn.getAtt(InstallationStack.MACRO_FUNCTION, "Arn"),
                InstallationStack.INSTALLED_CONDITION);

        ObjectNode result = Cfn.object().put("AWSTemplateFormatVersion", TestDoublesTransform.FORMAT_VERSION)
                .put("Description", "aws-test-harness: the " + settings.macroName() + " macro, its artifacts bucket and the ECS task runner's "
                        + "image repository");
        result.set("Parameters", template.parameters());
        result.set("Rules", rules());
        result.set("Conditions", template.conditions());
        result.set("Resources", template.resources());
        result.set("Outputs", template.outputs());
        return result;
    }

    private static void macro(GeneratedTemplate template, InstallationSettings settings) {
        String installed = InstallationStack.INSTALLED_CONDITION;
        ObjectNode logGroup = template.resource(InstallationStack.MACRO_LOG_GROUP, "AWS::Logs::LogGroup", "the macro's log group");
        logGroup.put("LogGroupName", settings.logGroupPrefix() + settings.macroName());
        logGroup.put("RetentionInDays", settings.logRetentionDays());
        template.resourceNode(InstallationStack.MACRO_LOG_GROUP).put("Condition", installed);

        Iam.role("lambda.amazonaws.com", "aws-test-harness: the " + settings.macroName() + " macro writes its logs (it calls no other AWS API)")
                .policy("WriteLogs", Iam.statement("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(Cfn.getAtt(InstallationStack.MACRO_LOG_GROUP, "Arn"))))
                .addTo(template, InstallationStack.MACRO_FUNCTION_ROLE, "the macro's role");
        template.resourceNode(InstallationStack.MACRO_FUNCTION_ROLE).put("Condition", installed);

        ObjectNode function = template.resource(InstallationStack.MACRO_FUNCTION, "AWS::Lambda::Function", "the macro's function");
        template.resourceNode(InstallationStack.MACRO_FUNCTION).put("Condition", installed);
        function.put("Description", "aws-test-harness: the " + settings.macroName() + " CloudFormation macro");
        function.put("Runtime", MACRO_RUNTIME);
        function.put("Handler", TestDoublesMacro.HANDLER);
        function.set("Architectures", Cfn.array("arm64"));
        ObjectNode code = function.putObject("Code");
        code.set("S3Bucket", Cfn.ref(InstallationStack.ARTIFACTS_BUCKET));
        code.set("S3Key", Cfn.ref(InstallationStack.MACRO_CODE_KEY));
        function.set("Role", Cfn.getAtt(InstallationStack.MACRO_FUNCTION_ROLE, "Arn"));
        function.put("MemorySize", MACRO_MEMORY_MB);
        function.put("Timeout", MACRO_TIMEOUT_SECONDS);
        ObjectNode variables = function.putObject("Environment").putObject("Variables");
        variables.put(MacroEnvironment.MACRO_NAME, settings.macroName());
        variables.set(MacroEnvironment.RELAY_CODE_BUCKET, Cfn.ref(InstallationStack.ARTIFACTS_BUCKET));
        variables.set(MacroEnvironment.RELAY_CODE_KEY, Cfn.ref(InstallationStack.RELAY_CODE_KEY));
        variables.set(MacroEnvironment.RUNNER_REPOSITORY_NAME, Cfn.ref(InstallationStack.RUNNER_REPOSITORY));
        variables.set(MacroEnvironment.RUNNER_IMAGE_TAG, Cfn.ref(InstallationStack.RUNNER_IMAGE_TAG));
        variables.put(MacroEnvironment.LOG_GROUP_PREFIX, settings.logGroupPrefix());
        variables.put(MacroEnvironment.LOG_RETENTION_DAYS, Integer.toString(settings.logRetentionDays()));
        variables.put(MacroEnvironment.RESULT_TIMEOUT_SECONDS, Integer.toString(settings.resultTimeoutSeconds()));
        function.putObject("LoggingConfig").put("LogFormat", "Text").set("LogGroup", Cfn.ref(InstallationStack.MACRO_LOG_GROUP));

        ObjectNode macro = template.resource(InstallationStack.MACRO, "AWS::CloudFormation::Macro", "the macro");
        template.resourceNode(InstallationStack.MACRO).put("Condition", installed);
        macro.put("Name", settings.macroName());
        macro.put("Description", "aws-test-harness: creates the test doubles declared by a template's AWSTestHarness* parameters");
        macro.set("FunctionName", Cfn.getAtt(InstallationStack.MACRO_FUNCTION, "Arn"));
    }

    /** Once the macro is installed, the doubles' artifacts must be named too. */
    private static ObjectNode rules() {
        ObjectNode rule = Cfn.object();
        rule.set("RuleCondition", Cfn.not(Cfn.equalsTo(Cfn.ref(InstallationStack.MACRO_CODE_KEY), "")));
        var assertions = rule.putArray("Assertions");
        ObjectNode relay = assertions.addObject();
        relay.set("Assert", Cfn.not(Cfn.equalsTo(Cfn.ref(InstallationStack.RELAY_CODE_KEY), "")));
        relay.put("AssertDescription", InstallationStack.RELAY_CODE_KEY + " must name the relay's jar in the artifacts bucket when "
                + InstallationStack.MACRO_CODE_KEY + " is given");
        ObjectNode image = assertions.addObject();
        image.set("Assert", Cfn.not(Cfn.equalsTo(Cfn.ref(InstallationStack.RUNNER_IMAGE_TAG), "")));
        image.put("AssertDescription", InstallationStack.RUNNER_IMAGE_TAG + " must name the pushed runner image's tag when "
                + InstallationStack.MACRO_CODE_KEY + " is given");
        ObjectNode rules = Cfn.object();
        rules.set("ArtifactsGivenWithTheMacro", rule);
        return rules;
    }

    /** Keeps the last {@code kept} tagged images; older ones expire. */
    static String lifecyclePolicy(int kept) {
        ObjectNode policy = Cfn.object();
        ObjectNode rule = policy.putArray("rules").addObject();
        rule.put("rulePriority", 1);
        rule.put("description", "Keep the last " + kept + " runner images");
        ObjectNode selection = rule.putObject("selection").put("tagStatus", "tagged");
        selection.set("tagPatternList", Cfn.array("*"));
        selection.put("countType", "imageCountMoreThan").put("countNumber", kept);
        rule.putObject("action").put("type", "expire");
        return policy.toString();
    }
}
