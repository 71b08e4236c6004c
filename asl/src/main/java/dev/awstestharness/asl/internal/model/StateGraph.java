package dev.awstestharness.asl.internal.model;

import java.util.Map;

/** {@code StartAt} and {@code States}: the top level of a definition, a Parallel branch or a Map item processor. */
public record StateGraph(String startAt, Map<String, State> states) {
    public State state(String name) {
        return states.get(name);
    }

    public State start() {
        return states.get(startAt);
    }
}
