package dev.awstestharness.harness;

import java.util.List;
import java.util.Map;

/**
 * What a container double was started with: its command arguments and its whole environment (the task definition's
 * variables with the container overrides applied; the harness's own variables left out).
 */
public record TaskContext(List<String> commandArgs, Map<String, String> environment) {
    public TaskContext {
        commandArgs = List.copyOf(commandArgs);
        environment = Map.copyOf(environment);
    }

    /** The variable {@code name}, or {@code null}. */
    public String env(String name) {
        return environment.get(name);
    }
}
