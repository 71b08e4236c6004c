package dev.awstestharness.doubles.contract;

/**
 * The environment variables through which the infrastructure configures the doubles. They carry a prefix that
 * nothing else uses, so that ECS container overrides of a state machine cannot replace them, and the ECS runner leaves
 * them out of the environment it reports.
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

    private HarnessEnvironment() {}

    /** Whether a variable is one of the harness's own (its name starts with {@link #PREFIX}). */
    public static boolean isHarnessVariable(String name) {
        return name != null && name.startsWith(PREFIX);
    }
}
