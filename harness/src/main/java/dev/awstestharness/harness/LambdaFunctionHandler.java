package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers the calls of a Lambda function double. Return the function's result (a {@link JsonNode}, a map, a record
 * or any value Jackson can write; {@code null} for JSON null) or a {@link ThrownException} to make the function fail.
 * A handler that throws fails the call at once with an error naming the double, and fails the test.
 */
@FunctionalInterface
public interface LambdaFunctionHandler {
    Object handle(JsonNode event) throws Exception;
}
