package dev.awstestharness.asl.internal.model;

/**
 * What every state has: its name, where it goes next ({@code null} when it ends its graph), and the input/output
 * processing of its query language.
 */
public record StateHeader(String name, String next, StateIo io) {
    public boolean isEnd() {
        return next == null;
    }
}
