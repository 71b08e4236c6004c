package dev.awstestharness.asl.internal.model;

/** A compiled state. Each kind is an immutable record that the interpreter dispatches on. */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {
    StateHeader header();

    /** The {@code Type} as ASL spells it; also the prefix of the state's history events ({@code PassStateEntered}). */
    String type();

    default String name() {
        return header().name();
    }
}
