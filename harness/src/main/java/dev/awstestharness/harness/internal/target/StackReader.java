package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.target.CloudFormationStack.Resource;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/**
 * Reads stacks through CloudFormation: DescribeStacks for the status and parameters, ListStackResources (every page)
 * for the resources. Nested stacks are addressed {@code Parent::Child}: each {@code ::} steps into the
 * {@code AWS::CloudFormation::Stack} resource of that logical id. Stacks read once are kept.
 */
final class StackReader {
    static final String NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";
    private static final Set<String> USABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE",
            "IMPORT_ROLLBACK_COMPLETE");

    private final CloudFormationClient cloudFormation;
    private final String region;
    private final Map<String, CloudFormationStack> read = new ConcurrentHashMap<>();

    StackReader(CloudFormationClient cloudFormation, String region) {
        this.cloudFormation = cloudFormation;
        this.region = region;
    }

    /**
     * The stack a path names: a stack name (or ARN), then {@code ::} and the logical id of a nested stack, any number of
     * times.
     *
     * @throws TargetUnavailableException when a stack is missing or not usable (creating, updating, rolled back, ...)
     */
    CloudFormationStack stack(String path) {
        String[] parts = path.split("::");
        CloudFormationStack stack = read(parts[0], parts[0]);
        for (int i = 1; i < parts.length; i++) stack = nested(stack, parts[i]);
        return stack;
    }

    /** The nested stack of {@code parent} whose logical id is {@code logicalId}. */
    CloudFormationStack nested(CloudFormationStack parent, String logicalId) {
        Resource resource = parent.resources().get(logicalId);
        String path = parent.path() + "::" + logicalId;
        if (resource == null || !resource.type().equals(NESTED_STACK_TYPE)) {
            throw new TargetUnavailableException("The " + parent.describe() + " has no nested stack '" + logicalId + "' (to read " + path
                    + ")" + (resource != null ? ": " + logicalId + " is a " + resource.type() : "") + "; its nested stacks are "
                    + names(parent, true));
        }
        if (resource.physicalId() == null || resource.physicalId().isEmpty()) {
            throw new TargetUnavailableException("The nested stack " + path + " has not been created (its status is " + resource.status()
                    + "); deploy the template again");
        }
        return read(resource.physicalId(), path);
    }

    /** Every logical id of the stack, or those of its nested stacks, sorted, for messages. */
    static String names(CloudFormationStack stack, boolean nestedStacksOnly) {
        Set<String> names = new TreeSet<>();
        stack.resources().values().stream().filter(r -> !nestedStacksOnly || r.type().equals(NESTED_STACK_TYPE)).forEach(r -> names.add(r.logicalId()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private CloudFormationStack read(String stackNameOrId, String path) {
        CloudFormationStack known = read.get(path);
        if (known != null) return known;
        Stack description = describe(stackNameOrId, path);
        checkUsable(description, path);
        Map<String, String> parameters = new LinkedHashMap<>();
        description.parameters().forEach(p -> parameters.put(p.parameterKey(), p.resolvedValue() != null ? p.resolvedValue() : p.parameterValue()));
        Map<String, Resource> resources = new LinkedHashMap<>();
        try {
            for (StackResourceSummary summary : cloudFormation.listStackResourcesPaginator(r -> r.stackName(description.stackId()))
                    .stackResourceSummaries()) {
                if ("DELETE_COMPLETE".equals(summary.resourceStatusAsString())) continue;
                resources.put(summary.logicalResourceId(), new Resource(summary.logicalResourceId(), summary.physicalResourceId(),
                        summary.resourceType(), summary.resourceStatusAsString()));
            }
        } catch (CloudFormationException e) {
            throw failure("list the resources of", path, e, "cloudformation:ListStackResources");
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
        CloudFormationStack stack = new CloudFormationStack(path, description.stackId(), description.stackName(), description.stackStatusAsString(),
                description.stackStatusReason(), parameters, resources);
        read.put(path, stack);
        return stack;
    }

    private Stack describe(String stackNameOrId, String path) {
        try {
            var stacks = cloudFormation.describeStacks(r -> r.stackName(stackNameOrId)).stacks();
            if (stacks.isEmpty()) throw missing(path);
            return stacks.get(0);
        } catch (CloudFormationException e) {
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            if (message != null && message.contains("does not exist")) throw missing(path);
            throw failure("describe", path, e, "cloudformation:DescribeStacks");
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private TargetUnavailableException missing(String path) {
        String name = path.split("::")[0];
        if (path.contains("::")) {
            return new TargetUnavailableException("The nested stack " + path + " does not exist (any more) in " + region + "; deploy the "
                    + "template again");
        }
        return new TargetUnavailableException("There is no stack '" + name + "' in " + region + " (for the credentials' account): deploy the "
                + "template first, e.g. sam deploy --template-file template.yaml --stack-name " + name + " --capabilities CAPABILITY_IAM "
                + "CAPABILITY_AUTO_EXPAND --resolve-s3, or correct " + Setting.STACK_NAME.property() + " or the region ("
                + Setting.REGION.property() + ")");
    }

    /** Fails unless the stack is in a status whose resources are all in place. */
    private static void checkUsable(Stack stack, String path) {
        String status = stack.stackStatusAsString();
        if (USABLE.contains(status)) return;
        String name = stack.stackName();
        String reason = stack.stackStatusReason() == null || stack.stackStatusReason().isBlank() ? "" : " (" + stack.stackStatusReason() + ")";
        String what = path.contains("::") ? "The nested stack " + path : "The stack '" + path + "'";
        String advice;
        if (status.equals("REVIEW_IN_PROGRESS")) {
            advice = "a change set was created but never executed: execute it (sam deploy, or aws cloudformation execute-change-set), then "
                    + "run the tests again";
        } else if (status.endsWith("_IN_PROGRESS")) {
            advice = "it is being changed: wait until that is done (aws cloudformation wait stack-update-complete --stack-name " + name
                    + ", or stack-create-complete), then run the tests again";
        } else if (status.equals("ROLLBACK_COMPLETE") || status.equals("ROLLBACK_FAILED") || status.equals("CREATE_FAILED")) {
            advice = "its creation failed and it has no resources: look at its events (aws cloudformation describe-stack-events --stack-name "
                    + name + "), delete it (aws cloudformation delete-stack --stack-name " + name + ") and deploy the template again";
        } else if (status.equals("UPDATE_ROLLBACK_FAILED")) {
            advice = "an update failed and could not be rolled back: continue the rollback (aws cloudformation continue-update-rollback "
                    + "--stack-name " + name + "), then deploy the template again";
        } else if (status.startsWith("DELETE")) {
            advice = "it is deleted or being deleted: deploy the template again";
        } else {
            advice = "its resources may not all be in place: deploy the template again";
        }
        throw new TargetUnavailableException(what + " is " + status + reason + ", so the tests cannot run against it: " + advice);
    }

    private TargetUnavailableException failure(String action, String path, CloudFormationException e, String permission) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
        String advice;
        if (code != null && code.startsWith("AccessDenied")) {
            advice = "the credentials need " + permission + " on the stack";
        } else if (code != null && (code.startsWith("ExpiredToken") || code.equals("InvalidClientTokenId") || code.equals("SignatureDoesNotMatch")
                || code.equals("UnrecognizedClientException"))) {
            advice = "the credentials were refused: sign in again (aws sso login, or new access keys)";
        } else {
            advice = "CloudFormation refused the request";
        }
        return new TargetUnavailableException("The aws target could not " + action + " the stack " + path + " in " + region + ": " + code + ": "
                + message + "; " + advice, e);
    }

    private TargetUnavailableException unreachable(SdkClientException e) {
        return new TargetUnavailableException("The aws target could not reach CloudFormation in " + region + ": " + e.getMessage()
                + "; check the region (" + Setting.REGION.property() + ") and the network", e);
    }
}
