package dev.awstestharness.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What an execution is started with: its identity (the names and ARNs that appear in the context object and the
 * history) and its input.
 */
public record ExecutionRequest(
        String executionArn,
        String executionName,
        String stateMachineArn,
        String stateMachineName,
        String roleArn,
        JsonNode input) {

    public ExecutionRequest {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(stateMachineName, "stateMachineName");
        Objects.requireNonNull(input, "input");
    }

    /**
     * A request with ARNs derived from the names, in the default local account and region; convenient for embedding
     * the interpreter without the Step Functions endpoint.
     */
    public static ExecutionRequest of(String stateMachineName, String executionName, JsonNode input) {
        String prefix = "arn:aws:states:us-east-1:123456789012:";
        return new ExecutionRequest(prefix + "execution:" + stateMachineName + ":" + executionName, executionName,
                prefix + "stateMachine:" + stateMachineName, stateMachineName,
                "arn:aws:iam::123456789012:role/" + stateMachineName + "-role", input);
    }
}
