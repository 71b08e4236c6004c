package dev.awstestharness.localcloud.internal.stepfunctions;

/**
 * The ARNs of this service's region and account: {@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME},
 * {@code arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION} ({@code express:} for EXPRESS state machines).
 */
final class Arns {
    private final String prefix;

    Arns(String region, String accountId) {
        this.prefix = "arn:aws:states:" + region + ":" + accountId + ":";
    }

    String stateMachine(String name) {
        return prefix + "stateMachine:" + name;
    }

    String execution(StateMachineRecord machine, String executionName) {
        return prefix + (machine.type() == StateMachineType.EXPRESS ? "express:" : "execution:") + machine.name() + ":" + executionName;
    }

    /** Checks that {@code arn} is a state machine ARN (of any region or account); otherwise {@code InvalidArn}. */
    static String checkStateMachineArn(String arn) {
        String[] parts = split(arn);
        if (!parts[5].equals("stateMachine") || parts.length != 7 || parts[6].isEmpty()) {
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
        }
        return arn;
    }

    /** Checks that {@code arn} is an execution ARN (standard or express); otherwise {@code InvalidArn}. */
    static String checkExecutionArn(String arn) {
        String[] parts = split(arn);
        if (!(parts[5].equals("execution") || parts[5].equals("express")) || parts.length < 8 || parts[6].isEmpty() || parts[7].isEmpty()) {
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
        }
        return arn;
    }

    /**
     * The state machine ARN the children of a Map Run are listed under: {@code ...:mapRun:<machine>/<label>:<id>}
     * gives {@code ...:stateMachine:<machine>/<label>}; otherwise {@code InvalidArn}.
     */
    static String mapRunStateMachine(String mapRunArn) {
        String[] parts = split(mapRunArn);
        if (!parts[5].equals("mapRun") || parts.length != 8 || !parts[6].contains("/")) {
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
        }
        return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "stateMachine", parts[6]);
    }

    private static String[] split(String arn) {
        if (!arn.startsWith("arn:")) throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
        String[] parts = arn.split(":", -1);
        if (parts.length < 6) throw SfnErrors.invalidArn("Invalid ARN: " + arn);
        if (!parts[2].equals("states")) throw SfnErrors.invalidArn("Service not valid in this context: " + parts[2]);
        return parts;
    }
}
