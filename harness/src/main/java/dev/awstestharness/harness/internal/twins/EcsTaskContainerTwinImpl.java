package dev.awstestharness.harness.internal.twins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.harness.EcsTaskContainerHandler;
import dev.awstestharness.harness.EcsTaskContainerTwin;
import dev.awstestharness.harness.ExitCode;
import dev.awstestharness.harness.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The twin of one container of an ECS task double: each call is one run of the container (its command arguments and
 * environment); the answer its {@link ExitCode}.
 */
public final class EcsTaskContainerTwinImpl extends AbstractTwin<TaskContext, EcsTaskContainerHandler> implements EcsTaskContainerTwin {
    private final String family;
    private final String container;

    public EcsTaskContainerTwinImpl(String family, String container, EcsTaskContainerHandler handler) {
        super(target(family, container), handler);
        this.family = family;
        this.container = container;
    }

    /** The target a container's invocations carry: {@code Family#Container}. */
    public static String target(String family, String container) {
        return family + "#" + container;
    }

    public String family() {
        return family;
    }

    public String container() {
        return container;
    }

    @Override
    public DoubleKind kind() {
        return DoubleKind.ECS_TASK_CONTAINER;
    }

    @Override
    protected String describe(String name) {
        int hash = name.indexOf('#');
        return hash < 0 ? "the ECS task container double '" + name + "'"
                : "the container '" + name.substring(hash + 1) + "' of the ECS task double '" + name.substring(0, hash) + "'";
    }

    @Override
    public InvocationResult answer(JsonNode payload) throws Exception {
        TaskContext task = taskContext(payload);
        record(task);
        ExitCode exitCode = handler().handle(task);
        if (exitCode == null) {
            throw new InvalidAnswerException("returned null; an ECS task container twin returns ExitCode.SUCCESS or ExitCode.of(n)");
        }
        return InvocationResult.exit(exitCode.value());
    }

    @Override
    protected TaskContext copy(TaskContext invocation) {
        return invocation; // immutable
    }

    /** Reads a container invocation's payload: {@code {"commandArgs": [...], "environment": {...}}}. */
    static TaskContext taskContext(JsonNode payload) {
        List<String> args = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        if (payload != null) {
            payload.path("commandArgs").forEach(arg -> args.add(arg.asText()));
            payload.path("environment").properties().forEach(variable -> environment.put(variable.getKey(), variable.getValue().asText()));
        }
        return new TaskContext(args, environment);
    }
}
