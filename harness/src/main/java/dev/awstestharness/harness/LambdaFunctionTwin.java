package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** The twin of a Lambda function double; each invocation is the event the function got. */
public interface LambdaFunctionTwin extends Twin<JsonNode, LambdaFunctionHandler> {}
