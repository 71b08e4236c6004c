package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.template.PayloadTemplate;

/**
 * An inline or distributed Map. Items come from {@code itemsPath} (JSONPath) or {@code items} (JSONata, {@code null}
 * meaning the state input); each item's input from {@code itemSelector} (JSONPath: ItemSelector or the legacy
 * Parameters) or {@code jsonataItemSelector}, the item itself when both are {@code null}. {@code distributed} holds the
 * distributed Map's fields ({@code null} for an inline Map).
 */
public record MapState(
        StateHeader header,
        PathField itemsPath,
        JsonataTemplate items,
        PayloadTemplate itemSelector,
        JsonataTemplate jsonataItemSelector,
        StateGraph processor,
        ProcessorMode mode,
        IntegerField maxConcurrency,
        IntegerField toleratedFailureCount,
        IntegerField toleratedFailurePercentage,
        DistributedMap distributed,
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
