package dev.awstestharness.harness.internal.drivers;

import dev.awstestharness.harness.ExecutionEvent;

/**
 * Says what a task state is waiting for, for the message of an execution that timed out: the double the task called
 * and whether it has called in yet.
 */
@FunctionalInterface
public interface WaitDescriber {
    WaitDescriber NONE = scheduled -> null;

    /**
     * @param scheduled the state's {@code TaskScheduled} or {@code LambdaFunctionScheduled} event
     * @return a clause such as {@code which is waiting for the Lambda function double 'First', which has not called in
     *     yet}, or {@code null} when the task calls no double
     */
    String describe(ExecutionEvent scheduled);
}
