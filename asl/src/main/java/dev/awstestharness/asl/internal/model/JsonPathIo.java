package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.template.PayloadTemplate;

/**
 * The JSONPath fields: InputPath, Parameters, ResultSelector, ResultPath, OutputPath and Assign. Templates are
 * {@code null} when absent; a state that lacks a field has its default here.
 */
public record JsonPathIo(
        PathField inputPath,
        PayloadTemplate parameters,
        PayloadTemplate resultSelector,
        ResultPathField resultPath,
        PathField outputPath,
        PayloadTemplate assign)
        implements StateIo {
    public static final JsonPathIo DEFAULT = new JsonPathIo(PathField.WHOLE, null, null, ResultPathField.REPLACE, PathField.WHOLE, null);
}
