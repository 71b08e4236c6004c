package dev.awstestharness.harness.internal.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployed stack as CloudFormation describes it: its id, status, parameters and resources (by logical id).
 *
 * @param path how the harness addresses it: the stack's name, or {@code Parent::Child} for a nested stack
 * @param stackId the stack's ARN ({@code arn:aws:cloudformation:eu-west-1:123456789012:stack/name/uuid})
 */
public record CloudFormationStack(String path, String stackId, String name, String status, String statusReason,
        Map<String, String> parameters, Map<String, Resource> resources) {

    /** A resource of the stack. {@code physicalId} is what {@code Ref} gives for most types. */
    public record Resource(String logicalId, String physicalId, String type, String status) {}

    public CloudFormationStack {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    /** The partition of the stack's ARN ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
    public String partition() {
        return arnPart(1);
    }

    public String region() {
        return arnPart(3);
    }

    public String accountId() {
        return arnPart(4);
    }

    private String arnPart(int index) {
        String[] parts = stackId.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new IllegalStateException("CloudFormation described the stack " + path + " with the id '" + stackId + "', which is no ARN");
        }
        return parts[index];
    }

    /** {@code stack 'name'} or {@code nested stack 'Parent::Child'}. */
    public String describe() {
        return (path.contains("::") ? "nested stack '" : "stack '") + path + "'";
    }
}
