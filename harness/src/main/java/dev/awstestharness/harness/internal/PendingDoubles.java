package dev.awstestharness.harness.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.harness.ExecutionEvent;
import dev.awstestharness.harness.internal.declaration.Declaration.TaskFamilyDeclaration;
import dev.awstestharness.harness.internal.drivers.WaitDescriber;
import dev.awstestharness.harness.internal.target.DeployedResources;
import dev.awstestharness.harness.internal.target.Target;
import dev.awstestharness.harness.internal.twins.EcsTaskContainerTwinImpl;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which double a scheduled task calls, and whether it has called in during the test: the Lambda function (by name or
 * ARN), state machine (by ARN) or ECS task definition (by family) in the task's parameters, matched against the
 * target's doubles. On AWS an ECS task double that has not called in is usually still starting (Fargate takes tens of
 * seconds to provision a task and pull its image), which the message says.
 */
final class PendingDoubles implements WaitDescriber {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final TestSession session;

    PendingDoubles(Target target, TestSession session) {
        this.target = target;
        this.session = session;
    }

    @Override
    public String describe(ExecutionEvent scheduled) {
        JsonNode details = scheduled.details();
        if (scheduled.type().equals("LambdaFunctionScheduled")) return lambdaFunction(functionName(details.path("resource").asText()));
        String type = details.path("resourceType").asText();
        String resource = details.path("resource").asText();
        JsonNode parameters = parameters(details.get("parameters"));
        return switch (type) {
            case "lambda" -> resource.startsWith("invoke") ? lambdaFunction(functionName(parameters.path("FunctionName").asText())) : null;
            case "states" -> resource.startsWith("startExecution") ? stateMachine(parameters.path("StateMachineArn").asText()) : null;
            case "ecs" -> resource.startsWith("runTask") ? ecsTask(family(parameters.path("TaskDefinition").asText())) : null;
            default -> null;
        };
    }

    private String lambdaFunction(String functionName) {
        DeployedResources resources = target.resources();
        for (String name : target.declaration().lambdaFunctions()) {
            if (resources.lambdaFunction(name).equals(functionName)) {
                return "which is waiting for the Lambda function double '" + name + "', " + calls(DoubleKind.LAMBDA_FUNCTION, name);
            }
        }
        return null;
    }

    private String stateMachine(String arn) {
        for (Map.Entry<String, String> entry : target.resources().stateMachineDoubles().entrySet()) {
            if (entry.getValue().equals(arn)) {
                return "which is waiting for the state machine double '" + entry.getKey() + "', " + calls(DoubleKind.STATE_MACHINE, entry.getKey());
            }
        }
        return null;
    }

    private String ecsTask(String family) {
        for (TaskFamilyDeclaration declared : target.declaration().ecsTaskFamilies().values()) {
            if (!family(target.resources().taskDefinition(declared.family())).equals(family)) continue;
            List<String> silent = new ArrayList<>();
            List<String> unanswered = new ArrayList<>();
            for (String container : declared.containers()) {
                String name = EcsTaskContainerTwinImpl.target(declared.family(), container);
                if (session.callsOf(DoubleKind.ECS_TASK_CONTAINER, name) == 0) silent.add(name);
                else if (session.answersTo(DoubleKind.ECS_TASK_CONTAINER, name) == 0) unanswered.add(name);
            }
            if (!silent.isEmpty()) {
                String doubles = silent.size() == 1 ? "ECS task container double " + silent.get(0) + ", which has"
                        : "ECS task container doubles " + String.join(", ", silent) + ", which have";
                String hint = target.kind().equals("aws") ? " (on AWS a Fargate task takes 30 to 90 s to be provisioned and pull its image)" : "";
                return "which is waiting for the " + doubles + " not called in yet" + hint;
            }
            if (!unanswered.isEmpty()) {
                return "which is waiting for the ECS task container " + (unanswered.size() == 1 ? "double " : "doubles ")
                        + String.join(", ", unanswered) + ": called in, but " + (unanswered.size() == 1 ? "its twin has" : "their twins have")
                        + " not answered yet";
            }
            return "which is waiting for the ECS task double '" + declared.family() + "', whose containers all called in and were answered "
                    + "(the task has not stopped yet)";
        }
        return null;
    }

    private String calls(DoubleKind kind, String name) {
        int calls = session.callsOf(kind, name);
        if (calls == 0) return "which has not called in yet";
        String times = calls == 1 ? "1 time" : calls + " times";
        return session.answersTo(kind, name) < calls ? "which called in " + times + "; its twin has not answered yet"
                : "which called in " + times + " and was answered";
    }

    /** A Lambda function's name from a name, a name with a qualifier, a partial or a full ARN. */
    static String functionName(String nameOrArn) {
        int function = nameOrArn.indexOf(":function:");
        String rest = function >= 0 ? nameOrArn.substring(function + ":function:".length()) : nameOrArn;
        int qualifier = rest.indexOf(':');
        return qualifier >= 0 ? rest.substring(0, qualifier) : rest;
    }

    /** A task definition's family from its ARN (with or without revision), {@code family:revision} or {@code family}. */
    static String family(String taskDefinition) {
        int slash = taskDefinition.lastIndexOf("task-definition/");
        String rest = slash >= 0 ? taskDefinition.substring(slash + "task-definition/".length()) : taskDefinition;
        int revision = rest.indexOf(':');
        return revision >= 0 ? rest.substring(0, revision) : rest;
    }

    private static JsonNode parameters(JsonNode parameters) {
        if (parameters == null) return JSON.createObjectNode();
        if (!parameters.isTextual()) return parameters;
        try {
            return JSON.readTree(parameters.asText());
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
