package dev.awstestharness.doubles.contract;

/** The kinds of test doubles; each sends its invocations to the harness the same way and gets its result back. */
public enum DoubleKind {
    /** A Lambda function double: the relay handler. Its result comes back through the results table. */
    LAMBDA_FUNCTION,
    /** A state machine double. Its result comes back as SendTaskSuccess / SendTaskFailure on its task token. */
    STATE_MACHINE,
    /** One container of an ECS task double: the task runner. Its exit code comes back through the results table. */
    ECS_TASK_CONTAINER
}
