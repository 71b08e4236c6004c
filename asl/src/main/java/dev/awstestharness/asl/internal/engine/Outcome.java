package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** How a state left: its output, and the next state ({@code null} when its graph ends here). */
record Outcome(String next, JsonNode output) {}
