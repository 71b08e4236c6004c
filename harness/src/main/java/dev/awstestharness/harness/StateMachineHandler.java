package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers the executions of a state machine double. Return the execution's output (any value Jackson can write) or
 * an {@link ExecutionFailure} to make the execution fail. A handler that throws fails the execution at once with an
 * error naming the double, and fails the test.
 */
@FunctionalInterface
public interface StateMachineHandler {
    Object handle(JsonNode input) throws Exception;
}
