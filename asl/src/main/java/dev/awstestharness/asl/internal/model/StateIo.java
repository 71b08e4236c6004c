package dev.awstestharness.asl.internal.model;

/**
 * How a state turns its input into the input of its work, and its result into its output and variables: the fields
 * of the state's query language.
 */
public sealed interface StateIo permits JsonPathIo, JsonataIo {}
