package dev.awstestharness.localcloud.internal.stepfunctions;

import dev.awstestharness.asl.Execution;

/**
 * One execution as the service keeps it: the interpreter's execution, the state machine version it runs, the input
 * text as given, and its place in the start order.
 */
final class ExecutionRecord {
    private final long sequence;
    private final StateMachineRecord machine;
    private final Execution execution;
    private final String inputText;
    /** When the store learned that it ended (System.nanoTime), for the age limit; the execution's own clock may run ahead. */
    private volatile long finishedAtNanos;

    ExecutionRecord(long sequence, StateMachineRecord machine, Execution execution, String inputText) {
        this.sequence = sequence;
        this.machine = machine;
        this.execution = execution;
        this.inputText = inputText;
    }

    long sequence() {
        return sequence;
    }

    StateMachineRecord machine() {
        return machine;
    }

    Execution execution() {
        return execution;
    }

    String arn() {
        return execution.executionArn();
    }

    /**
     * The state machine ARN the execution is listed under: its machine's, or for a child execution of a distributed
     * Map, the Map Run's ({@code stateMachine:<machine>/<label>}).
     */
    String stateMachineArn() {
        return execution.request().stateMachineArn();
    }

    String inputText() {
        return inputText;
    }

    long finishedAtNanos() {
        return finishedAtNanos;
    }

    void finishedAtNanos(long nanos) {
        finishedAtNanos = nanos;
    }
}
