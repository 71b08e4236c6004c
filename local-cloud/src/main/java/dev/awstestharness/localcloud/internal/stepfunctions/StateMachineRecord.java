package dev.awstestharness.localcloud.internal.stepfunctions;

import dev.awstestharness.asl.StateMachineDefinition;
import java.time.Instant;

/**
 * One state machine, immutable: an update makes a new record with the same ARN, creation date and sequence number,
 * so executions keep the definition they started with.
 *
 * @param definitionText the definition exactly as given, as DescribeStateMachine returns it
 * @param sequence the creation order, for ListStateMachines
 * @param updateDate the last update, or {@code null} when never updated
 * @param revisionId changes with every update; {@code null} before the first one
 */
record StateMachineRecord(
        String arn,
        String name,
        StateMachineType type,
        String definitionText,
        StateMachineDefinition definition,
        String roleArn,
        Instant creationDate,
        long sequence,
        Instant updateDate,
        String revisionId) {

    StateMachineRecord updated(String newDefinitionText, StateMachineDefinition newDefinition, String newRoleArn, Instant now, String newRevisionId) {
        return new StateMachineRecord(arn, name, type, newDefinitionText, newDefinition, newRoleArn, creationDate, sequence, now, newRevisionId);
    }

    /** Whether CreateStateMachine with these settings is a repeat of the call that created this machine. */
    boolean sameSettings(String otherDefinitionText, String otherRoleArn, StateMachineType otherType) {
        return definitionText.equals(otherDefinitionText) && roleArn.equals(otherRoleArn) && type == otherType;
    }
}
