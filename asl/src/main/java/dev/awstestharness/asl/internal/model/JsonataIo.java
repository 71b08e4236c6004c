package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;

/** The JSONata fields: Arguments, Output and Assign, each {@code null} when absent. */
public record JsonataIo(JsonataTemplate arguments, JsonataTemplate output, JsonataTemplate assign) implements StateIo {
    public static final JsonataIo DEFAULT = new JsonataIo(null, null, null);
}
