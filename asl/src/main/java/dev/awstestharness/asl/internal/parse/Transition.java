package dev.awstestharness.asl.internal.parse;

/** A reference to a state by name (Next, Default, a Catcher's Next) and where it is written. */
record Transition(String target, String pointer) {}
