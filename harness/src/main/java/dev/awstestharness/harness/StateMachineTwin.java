package dev.awstestharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** The twin of a state machine double; each invocation is the input of one execution. */
public interface StateMachineTwin extends Twin<JsonNode, StateMachineHandler> {}
