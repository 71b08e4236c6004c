package dev.awstestharness.asl.internal.model;

/**
 * What every state has: its name, where it goes next ({@code null} when it ends its graph), and its input and output
 * filters ({@link PathField#WHOLE} for states that have none).
 */
public record StateHeader(String name, String next, PathField inputPath, PathField outputPath) {
    public boolean isEnd() {
        return next == null;
    }
}
