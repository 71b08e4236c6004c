package dev.awstestharness.installer.aws;

import dev.awstestharness.installer.InstallerException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Creates, updates and deletes one CloudFormation stack and waits for it, with a timeout: on failure the message lists
 * the stack's failed resources and their reasons (from its events).
 */
public final class Stacks {
    /** A stack as DescribeStacks reports it. */
    public record StackState(String name, String id, StackStatus status, String reason, Map<String, String> outputs, Map<String, String> parameters) {
        public Optional<String> output(String key) {
            return Optional.ofNullable(outputs.get(key)).filter(value -> !value.isBlank());
        }
    }

    private final CloudFormationClient cloudFormation;
    private final Duration pollInterval;
    private final PrintWriter log;
    private final String roleArn;

    public Stacks(CloudFormationClient cloudFormation, Duration pollInterval, PrintWriter log) {
        this(cloudFormation, pollInterval, log, null);
    }

    /** @param roleArn the service role CloudFormation acts with, or {@code null} for the caller's permissions */
    public Stacks(CloudFormationClient cloudFormation, Duration pollInterval, PrintWriter log, String roleArn) {
        this.cloudFormation = cloudFormation;
        this.pollInterval = pollInterval;
        this.log = log;
        this.roleArn = roleArn == null || roleArn.isBlank() ? null : roleArn.strip();
    }

    /** The stack, or empty when there is none of that name (or only a deleted one). */
    public Optional<StackState> describe(String name) {
        try {
            List<Stack> stacks = cloudFormation.describeStacks(r -> r.stackName(name)).stacks();
            return stacks.stream().findFirst().map(Stacks::state).filter(state -> state.status() != StackStatus.DELETE_COMPLETE);
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw new InstallerException(AwsCall.explain("cloudformation:DescribeStacks", "stack " + name, e), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new InstallerException(AwsCall.explain("cloudformation:DescribeStacks", "stack " + name, e), e);
        }
    }

    /**
     * Creates the stack, or updates it when it exists (an update without changes is no error), and waits until it is
     * complete. A stack left in ROLLBACK_COMPLETE by a failed creation is deleted first, as CloudFormation cannot update it.
     *
     * @throws InstallerException when it fails (naming the failed resources) or does not finish within {@code timeout}
     */
    public StackState deploy(String name, String templateBody, Map<String, String> parameters, Duration timeout) {
        Optional<StackState> existing = describe(name).map(state -> settle(state, timeout));
        if (existing.isPresent() && existing.get().status() == StackStatus.ROLLBACK_COMPLETE) {
            log.println("The stack " + name + " is in ROLLBACK_COMPLETE after a failed creation; deleting it before creating it again.");
            delete(name, timeout);
            existing = Optional.empty();
        }
        List<Parameter> cfnParameters = parameters.entrySet().stream()
                .map(entry -> Parameter.builder().parameterKey(entry.getKey()).parameterValue(entry.getValue()).build()).toList();
        Instant started = Instant.now();
        if (existing.isEmpty()) {
            log.println("Creating the stack " + name + " ...");
            AwsCall.run("cloudformation:CreateStack", "stack " + name, () -> cloudFormation.createStack(r -> r.stackName(name)
                    .templateBody(templateBody).parameters(cfnParameters).capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                    .roleARN(roleArn)));
            return await(name, StackStatus.CREATE_COMPLETE, started, timeout);
        }
        log.println("Updating the stack " + name + " ...");
        try {
            cloudFormation.updateStack(r -> r.stackName(name).templateBody(templateBody).parameters(cfnParameters)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM).roleARN(roleArn));
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorMessage()).contains("No updates are to be performed")) {
                log.println("The stack " + name + " is up to date.");
                return existing.get();
            }
            throw new InstallerException(AwsCall.explain("cloudformation:UpdateStack", "stack " + name, e), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new InstallerException(AwsCall.explain("cloudformation:UpdateStack", "stack " + name, e), e);
        }
        return await(name, StackStatus.UPDATE_COMPLETE, started, timeout);
    }

    /** Deletes the stack and waits until it is gone; nothing to do when there is none. */
    public void delete(String name, Duration timeout) {
        Optional<StackState> existing = describe(name);
        if (existing.isEmpty()) return;
        Instant started = Instant.now();
        String id = existing.get().id();
        AwsCall.run("cloudformation:DeleteStack", "stack " + name, () -> cloudFormation.deleteStack(r -> r.stackName(id).roleARN(roleArn)));
        // By id: a deleted stack is no longer found by name.
        await(id, StackStatus.DELETE_COMPLETE, started, timeout);
    }

    /** Waits for a stack that something else is changing to come to rest. */
    private StackState settle(StackState state, Duration timeout) {
        if (!state.status().toString().endsWith("_IN_PROGRESS")) return state;
        log.println("The stack " + state.name() + " is " + state.status() + "; waiting for it to finish first ...");
        long deadline = System.nanoTime() + timeout.toNanos();
        StackState current = state;
        while (current.status().toString().endsWith("_IN_PROGRESS")) {
            if (System.nanoTime() > deadline) {
                throw new InstallerException("Timed out after " + seconds(timeout) + " waiting for the stack " + state.name() + " to leave "
                        + current.status() + " (another deployment is changing it); try again later or raise --timeout");
            }
            sleep();
            current = describe(state.id()).orElse(current);
        }
        return current;
    }

    private StackState await(String nameOrId, StackStatus success, Instant started, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StackStatus last = null;
        while (true) {
            StackState state = AwsCall.call("cloudformation:DescribeStacks", "stack " + nameOrId,
                    () -> cloudFormation.describeStacks(r -> r.stackName(nameOrId)).stacks().stream().findFirst().map(Stacks::state).orElse(null));
            if (state == null) {
                if (success == StackStatus.DELETE_COMPLETE) return null;
                throw new InstallerException("The stack " + nameOrId + " disappeared while waiting for " + success);
            }
            if (state.status() != last) {
                log.println("  " + state.name() + ": " + state.status() + (state.reason() != null ? " (" + state.reason() + ")" : ""));
                last = state.status();
            }
            if (state.status() == success) return state;
            if (!state.status().toString().endsWith("_IN_PROGRESS")) {
                throw new InstallerException("The stack " + state.name() + " ended in " + state.status() + " instead of " + success
                        + failures(state.id(), started));
            }
            if (System.nanoTime() > deadline) {
                throw new InstallerException("Timed out after " + seconds(timeout) + " waiting for the stack " + state.name() + " to reach "
                        + success + "; it is " + state.status() + ". It goes on in CloudFormation: watch it in the console, or raise --timeout."
                        + failures(state.id(), started));
            }
            sleep();
        }
    }

    /** The failed resources of the stack's events since {@code since}, one per line; empty when none failed. */
    String failures(String stackId, Instant since) {
        List<StackEvent> events = new ArrayList<>();
        try {
            for (StackEvent event : cloudFormation.describeStackEventsPaginator(r -> r.stackName(stackId)).stackEvents()) {
                if (event.timestamp() != null && event.timestamp().isBefore(since.minusSeconds(5))) break;
                if (event.resourceStatusAsString() != null && event.resourceStatusAsString().endsWith("_FAILED")) events.add(event);
            }
        } catch (RuntimeException e) {
            return ". (Its events could not be read: " + e.getMessage() + ")";
        }
        if (events.isEmpty()) return ".";
        StringBuilder text = new StringBuilder(". Failed resources:");
        for (int i = events.size() - 1; i >= 0; i--) {
            StackEvent event = events.get(i);
            text.append("\n  ").append(event.logicalResourceId()).append(" (").append(event.resourceType()).append("): ")
                    .append(event.resourceStatusAsString()).append(": ").append(event.resourceStatusReason());
        }
        return text.toString();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallerException("Interrupted while waiting for a CloudFormation stack", e);
        }
    }

    static StackState state(Stack stack) {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (stack.hasOutputs()) stack.outputs().forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
        Map<String, String> parameters = new LinkedHashMap<>();
        if (stack.hasParameters()) stack.parameters().forEach(parameter -> parameters.put(parameter.parameterKey(), parameter.parameterValue()));
        return new StackState(stack.stackName(), stack.stackId(), stack.stackStatus(), stack.stackStatusReason(), outputs, parameters);
    }
}
