package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.template.PayloadTemplate;

/** {@code ResultSelector} ({@code null} when absent) and {@code ResultPath}. */
public record ResultHandling(PayloadTemplate resultSelector, ResultPathField resultPath) {}
