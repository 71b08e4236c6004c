package dev.awstestharness.asl.spi;

/** How a Task waits for its service call, chosen by the suffix of the resource ARN. */
public enum IntegrationPattern {
    /** No suffix: the task ends when the service answers the call. */
    REQUEST_RESPONSE(""),
    /** {@code .sync}: the task ends when the started job ends. */
    RUN_JOB(".sync"),
    /** {@code .sync:2}: as {@link #RUN_JOB}, with the job's result in its second output shape (JSON instead of strings). */
    RUN_JOB_V2(".sync:2"),
    /** {@code .waitForTaskToken}: the task ends when someone calls SendTaskSuccess or SendTaskFailure with its token. */
    WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The pattern a resource ARN asks for; ARNs without a known suffix are request-response. */
    public static IntegrationPattern of(String resource) {
        if (resource.endsWith(RUN_JOB_V2.suffix)) return RUN_JOB_V2;
        if (resource.endsWith(RUN_JOB.suffix)) return RUN_JOB;
        if (resource.endsWith(WAIT_FOR_TASK_TOKEN.suffix)) return WAIT_FOR_TASK_TOKEN;
        return REQUEST_RESPONSE;
    }

    /** The resource ARN without this pattern's suffix. */
    public String strip(String resource) {
        return resource.substring(0, resource.length() - suffix.length());
    }
}
