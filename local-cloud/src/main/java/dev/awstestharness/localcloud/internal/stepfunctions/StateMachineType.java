package dev.awstestharness.localcloud.internal.stepfunctions;

/** The two kinds of state machine; their executions run the same way here, and differ in their ARNs and APIs. */
enum StateMachineType {
    STANDARD,
    EXPRESS
}
