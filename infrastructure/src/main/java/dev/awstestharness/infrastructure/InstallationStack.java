package dev.awstestharness.infrastructure;

/**
 * The names the installer uses with the installation stack ({@link Templates#renderInstallationStack}).
 *
 * <p>The stack is deployed twice on a first install, because the macro's code must be in the artifacts bucket that
 * the stack itself creates:
 * <ol>
 *   <li>deploy with the parameters' defaults: it creates the artifacts bucket and the runner's ECR repository only
 *       (the condition {@value #INSTALLED_CONDITION} is false while {@value #MACRO_CODE_KEY} is empty);</li>
 *   <li>upload the macro jar and the relay jar to {@value #ARTIFACTS_BUCKET_OUTPUT} and push the runner image to
 *       {@value #RUNNER_REPOSITORY_URI_OUTPUT} (tag it, e.g. with the version);</li>
 *   <li>update the stack with {@value #MACRO_CODE_KEY}, {@value #RELAY_CODE_KEY} and {@value #RUNNER_IMAGE_TAG}: it
 *       creates the macro's function, role and log group and the {@code AWS::CloudFormation::Macro}.</li>
 * </ol>
 * Later upgrades repeat steps 2 and 3 with new keys (a key that changes with the content, because CloudFormation
 * updates a function only when its code location changes). The stack needs {@code CAPABILITY_IAM} (it creates a role
 * with a generated name). Uninstalling: empty the artifacts bucket, then delete the stack (the repository is deleted
 * with its images).
 */
public final class InstallationStack {
    /** Parameter: the key of the macro's jar in the artifacts bucket; empty (default) for the first deployment. */
    public static final String MACRO_CODE_KEY = "MacroCodeS3Key";
    /** Parameter: the key of the Lambda relay's jar in the artifacts bucket, which the test stacks' Lambda doubles run. */
    public static final String RELAY_CODE_KEY = "RelayCodeS3Key";
    /** Parameter: the tag of the runner image in the repository, which the test stacks' ECS doubles run. */
    public static final String RUNNER_IMAGE_TAG = "RunnerImageTag";
    /** Condition: whether the macro is installed ({@value #MACRO_CODE_KEY} is not empty). */
    public static final String INSTALLED_CONDITION = "MacroCodeUploaded";

    /** Logical id of the artifacts bucket. */
    public static final String ARTIFACTS_BUCKET = "ArtifactsBucket";
    /** Logical id of the runner's ECR repository. */
    public static final String RUNNER_REPOSITORY = "RunnerRepository";
    /** Logical id of the macro's Lambda function. */
    public static final String MACRO_FUNCTION = "MacroFunction";
    /** Logical id of the macro's role. */
    public static final String MACRO_FUNCTION_ROLE = "MacroFunctionRole";
    /** Logical id of the macro's log group. */
    public static final String MACRO_LOG_GROUP = "MacroLogGroup";
    /** Logical id of the {@code AWS::CloudFormation::Macro}. */
    public static final String MACRO = "Macro";

    /** Output: the artifacts bucket's name. */
    public static final String ARTIFACTS_BUCKET_OUTPUT = "ArtifactsBucketName";
    /** Output: the runner repository's name. */
    public static final String RUNNER_REPOSITORY_NAME_OUTPUT = "RunnerRepositoryName";
    /** Output: the runner repository's URI (push target, without tag). */
    public static final String RUNNER_REPOSITORY_URI_OUTPUT = "RunnerRepositoryUri";
    /** Output (once installed): the macro's name, to write in a template's {@code Transform}. */
    public static final String MACRO_NAME_OUTPUT = "MacroName";
    /** Output (once installed): the ARN of the macro's function. */
    public static final String MACRO_FUNCTION_ARN_OUTPUT = "MacroFunctionArn";

    private InstallationStack() {}
}
