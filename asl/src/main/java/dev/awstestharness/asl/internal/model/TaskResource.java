package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.spi.IntegrationPattern;

/**
 * A Task's resource ARN taken apart: its integration pattern, the ARN without the pattern suffix, and the
 * {@code resourceType} / {@code resource} pair that AWS shows in task history events
 * ({@code arn:aws:states:::lambda:invoke.waitForTaskToken} is type {@code lambda}, resource {@code invoke.waitForTaskToken}).
 */
public record TaskResource(String arn, String serviceResource, IntegrationPattern pattern, String resourceType, String resource,
        boolean lambdaFunction) {
    private static final String OPTIMIZED_PREFIX = "arn:aws:states:::";

    public static TaskResource parse(String arn) {
        IntegrationPattern pattern = IntegrationPattern.of(arn);
        String serviceResource = pattern.strip(arn);
        if (serviceResource.startsWith(OPTIMIZED_PREFIX)) {
            String rest = serviceResource.substring(OPTIMIZED_PREFIX.length());
            int split = rest.lastIndexOf(':');
            String type = split < 0 ? rest : rest.substring(0, split);
            String resource = (split < 0 ? "" : rest.substring(split + 1)) + pattern.suffix();
            return new TaskResource(arn, serviceResource, pattern, type, resource, false);
        }
        boolean lambda = arn.startsWith("arn:aws:lambda:");
        return new TaskResource(arn, serviceResource, pattern, lambda ? "lambda" : "activity", arn, lambda);
    }
}
