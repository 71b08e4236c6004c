package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.template.PayloadTemplate;

/**
 * An inline or distributed Map. {@code itemSelector} holds {@code ItemSelector} or the legacy {@code Parameters}
 * ({@code null} when both are absent).
 */
public record MapState(
        StateHeader header,
        PathField itemsPath,
        PayloadTemplate itemSelector,
        StateGraph processor,
        ProcessorMode mode,
        IntegerField maxConcurrency,
        IntegerField toleratedFailureCount,
        IntegerField toleratedFailurePercentage,
        ResultHandling result,
        ErrorHandling errorHandling)
        implements State {

    public enum ProcessorMode {
        INLINE,
        DISTRIBUTED
    }

    @Override
    public String type() {
        return "Map";
    }
}
