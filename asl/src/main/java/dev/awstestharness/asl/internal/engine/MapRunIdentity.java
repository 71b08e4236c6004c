package dev.awstestharness.asl.internal.engine;

import dev.awstestharness.asl.ExecutionRequest;
import dev.awstestharness.asl.internal.model.DistributedMap;
import java.util.UUID;

/**
 * The ARNs of one Map Run, as AWS forms them: the Map Run is {@code mapRun:<machine>/<label>:<id>} and each child
 * execution {@code execution:<machine>/<label>:<id>} ({@code express:} for EXPRESS children).
 */
record MapRunIdentity(String mapRunArn, String mapRunId, String childExecutionArnPrefix, String childStateMachineArn,
        String childStateMachineName) {

    static MapRunIdentity of(ExecutionRequest parent, String stateName, DistributedMap distributed) {
        String stateMachineArn = parent.stateMachineArn();
        int split = stateMachineArn.indexOf(":stateMachine:");
        String prefix = split < 0 ? "arn:aws:states:us-east-1:123456789012:" : stateMachineArn.substring(0, split + 1);
        String label = distributed.label() != null ? distributed.label() : stateName.replaceAll("[^A-Za-z0-9_-]", "_");
        String runName = parent.stateMachineName() + "/" + label;
        String id = UUID.randomUUID().toString();
        String childKind = distributed.executionType() == DistributedMap.ExecutionType.EXPRESS ? "express:" : "execution:";
        return new MapRunIdentity(prefix + "mapRun:" + runName + ":" + id, id, prefix + childKind + runName + ":",
                prefix + "stateMachine:" + runName, runName);
    }
}
