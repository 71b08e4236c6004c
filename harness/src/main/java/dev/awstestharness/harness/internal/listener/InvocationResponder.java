package dev.awstestharness.harness.internal.listener;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.ResultsTable;
import dev.awstestharness.harness.internal.target.SdkClients;
import dev.awstestharness.harness.internal.twins.AbstractTwin;
import dev.awstestharness.harness.internal.twins.AbstractTwin.InvalidAnswerException;
import dev.awstestharness.harness.internal.twins.InvocationProblem;
import dev.awstestharness.harness.internal.twins.TestSession;

/**
 * Answers one invocation for a test: runs the twin's handler and delivers its result the way the double waits for it
 * (the results table for Lambda functions and containers, SendTaskSuccess / SendTaskFailure for state machines). An
 * invocation without a twin, or whose twin fails, is answered at once with {@value InvocationProblem#NO_TWIN} or
 * {@value InvocationProblem#TWIN_FAILED} (a container exits with 1) and recorded as a problem of the test.
 */
public final class InvocationResponder {
    /** The longest error SendTaskFailure takes. */
    static final int MAX_ERROR = 256;
    /** The longest cause SendTaskFailure takes. */
    static final int MAX_CAUSE = 32_768;

    private final SdkClients clients;
    private final String resultsTable;

    public InvocationResponder(SdkClients clients, String resultsTable) {
        this.clients = clients;
        this.resultsTable = resultsTable;
    }

    public void respond(TestSession session, Invocation invocation) {
        session.invoked(invocation.kind(), invocation.target());
        AbstractTwin<?, ?> twin = session.twins().find(invocation.kind(), invocation.target());
        InvocationResult result;
        if (twin == null) {
            String message = describe(invocation) + " was called, but the test registered no twin for it (" + session.twins().registered()
                    + "); register one with " + howToRegister(invocation);
            session.problem(new InvocationProblem(InvocationProblem.NO_TWIN, message, null));
            result = failure(invocation.kind(), InvocationProblem.NO_TWIN, message);
        } else {
            try {
                result = twin.answer(invocation.payload());
            } catch (InvalidAnswerException e) {
                String message = "The twin of " + twin.description() + " " + e.getMessage();
                session.problem(new InvocationProblem(InvocationProblem.TWIN_FAILED, message, null));
                result = failure(invocation.kind(), InvocationProblem.TWIN_FAILED, message);
            } catch (Throwable e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                String message = "The twin of " + twin.description() + " threw " + e;
                session.problem(new InvocationProblem(InvocationProblem.TWIN_FAILED, message, e));
                result = failure(invocation.kind(), InvocationProblem.TWIN_FAILED, message);
            }
        }
        try {
            deliver(invocation, result);
            session.answered(invocation.kind(), invocation.target());
        } catch (RuntimeException e) {
            session.problem(new InvocationProblem(InvocationProblem.TWIN_FAILED, "The answer to invocation " + invocation.invocationId() + " of "
                    + describe(invocation) + " could not be delivered: " + e, e));
        }
    }

    private void deliver(Invocation invocation, InvocationResult result) {
        if (invocation.kind() != DoubleKind.STATE_MACHINE) {
            ResultsTable.putResult(clients.dynamoDb(), resultsTable, invocation, result);
            return;
        }
        String token = invocation.taskToken();
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("the invocation carries no task token to answer on");
        }
        switch (result.outcome()) {
            case VALUE -> {
                JsonNode value = result.value();
                String output = value == null ? "null" : value.toString();
                clients.sfn().sendTaskSuccess(r -> r.taskToken(token).output(output));
            }
            case FAIL -> clients.sfn().sendTaskFailure(r -> r.taskToken(token).error(truncate(result.error(), MAX_ERROR))
                    .cause(truncate(result.cause(), MAX_CAUSE)));
            default -> throw new IllegalStateException("a state machine double cannot be answered with " + result.outcome());
        }
    }

    /** The answer that fails an invocation at once with {@code error}. */
    static InvocationResult failure(DoubleKind kind, String error, String message) {
        return switch (kind) {
            case LAMBDA_FUNCTION -> InvocationResult.thrown(error, message);
            case STATE_MACHINE -> InvocationResult.failure(error, message);
            case ECS_TASK_CONTAINER -> InvocationResult.exit(1);
        };
    }

    static String describe(Invocation invocation) {
        String target = invocation.target();
        return switch (invocation.kind()) {
            case LAMBDA_FUNCTION -> "The Lambda function double '" + target + "'";
            case STATE_MACHINE -> "The state machine double '" + target + "'";
            case ECS_TASK_CONTAINER -> {
                int hash = target.indexOf('#');
                yield hash < 0 ? "The ECS task container double '" + target + "'"
                        : "The container '" + target.substring(hash + 1) + "' of the ECS task double '" + target.substring(0, hash) + "'";
            }
        };
    }

    private static String howToRegister(Invocation invocation) {
        String target = invocation.target();
        return switch (invocation.kind()) {
            case LAMBDA_FUNCTION -> "harness.twinLambdaFunction(\"" + target + "\", event -> ...)";
            case STATE_MACHINE -> "harness.twinStateMachine(\"" + target + "\", input -> ...)";
            case ECS_TASK_CONTAINER -> {
                int hash = target.indexOf('#');
                yield hash < 0 ? "harness.twinEcsTaskContainer(family, container, task -> ExitCode.SUCCESS)"
                        : "harness.twinEcsTaskContainer(\"" + target.substring(0, hash) + "\", \"" + target.substring(hash + 1)
                                + "\", task -> ExitCode.SUCCESS)";
            }
        };
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) return text;
        return text.substring(0, max - 3) + "...";
    }
}
