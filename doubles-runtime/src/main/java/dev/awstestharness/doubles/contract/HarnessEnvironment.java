package dev.awstestharness.doubles.contract;

/**
 * The environment variables through which the infrastructure configures the doubles. They carry a prefix that
 * nothing else uses, so that ECS container overrides of a state machine cannot replace them, and the ECS runner leaves
 * them out of the environment it reports.
 *
 * <p>Lambda accepts only variable names that start with a letter ({@code [a-zA-Z][a-zA-Z0-9_]+}), so a Lambda
 * function double gets the same variables under {@link #LAMBDA_PREFIX} instead ({@link #lambdaName}); the doubles read
 * either form ({@link #value}).
 */
public final class HarnessEnvironment {
    public static final String PREFIX = "__AWS_TEST_HARNESS__";
    /** URL of the events queue. */
    public static final String EVENTS_QUEUE_URL = PREFIX + "EVENTS_QUEUE_URL";
    /** Name of the results table. */
    public static final String RESULTS_TABLE = PREFIX + "RESULTS_TABLE";
    /** Name of the test-context bucket. */
    public static final String TEST_CONTEXT_BUCKET = PREFIX + "TEST_CONTEXT_BUCKET";
    /**
     * The declared name of the double: the Lambda function's ({@code First}), or for an ECS container the declared task
     * family ({@code First}); the container adds its own name from the ECS metadata. When a container lacks it, the
     * family of its task definition is used.
     */
    public static final String DOUBLE_NAME = PREFIX + "DOUBLE_NAME";
    /**
     * How long a double waits for its result, in milliseconds. Lambda relay: default the function's remaining time less
     * one second (and never more than that); ECS runner: default {@code 60000}.
     */
    public static final String RESULT_TIMEOUT_MILLIS = PREFIX + "RESULT_TIMEOUT_MILLIS";
    /**
     * Local target only: the endpoint of the local cloud, used for every AWS call of the double (with dummy credentials
     * and the region of {@code AWS_REGION}, default us-east-1). Absent on AWS: the default credentials and region apply.
     */
    public static final String ENDPOINT_URL = PREFIX + "ENDPOINT_URL";

    /** The prefix of the same variables on a Lambda function, whose variable names must start with a letter. */
    public static final String LAMBDA_PREFIX = "AWS_TEST_HARNESS_";

    private HarnessEnvironment() {}

    /** The name Lambda accepts for a harness variable: {@code __AWS_TEST_HARNESS__X} becomes {@code AWS_TEST_HARNESS_X}. */
    public static String lambdaName(String name) {
        if (!isHarnessVariable(name)) throw new IllegalArgumentException(name + " is not a harness variable (it does not start with " + PREFIX + ")");
        return LAMBDA_PREFIX + name.substring(PREFIX.length());
    }

    /**
     * The value of variable {@code name} in {@code environment}; for a harness variable also under its
     * {@link #lambdaName} when its own name is not set. {@code null} when it is not set.
     */
    public static String value(java.util.Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null || !isHarnessVariable(name) ? value : environment.get(lambdaName(name));
    }

    /** Whether a variable is one of the harness's own (its name starts with {@link #PREFIX}). */
    public static boolean isHarnessVariable(String name) {
        return name != null && name.startsWith(PREFIX);
    }
}
