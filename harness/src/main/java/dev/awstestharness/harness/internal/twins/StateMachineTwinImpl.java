package dev.awstestharness.harness.internal.twins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.ExitCode;
import dev.awstestharness.harness.StateMachineHandler;
import dev.awstestharness.harness.StateMachineTwin;
import dev.awstestharness.harness.ThrownException;

/** The twin of a state machine double: each call is an execution's input; the answer its output or an {@link ExecutionFailure}. */
public final class StateMachineTwinImpl extends AbstractTwin<JsonNode, StateMachineHandler> implements StateMachineTwin {
    public StateMachineTwinImpl(String name, StateMachineHandler handler) {
        super(name, handler);
    }

    @Override
    public DoubleKind kind() {
        return DoubleKind.STATE_MACHINE;
    }

    @Override
    protected String describe(String name) {
        return "the state machine double '" + name + "'";
    }

    @Override
    public InvocationResult answer(JsonNode payload) throws Exception {
        JsonNode input = payload == null ? NullNode.getInstance() : payload;
        record(input.deepCopy());
        Object answer = handler().handle(input.deepCopy());
        if (answer instanceof ExecutionFailure failure) return InvocationResult.failure(failure.error(), failure.cause());
        if (answer instanceof ThrownException) {
            throw new InvalidAnswerException("returned a ThrownException, which only Lambda function twins can return; a state machine twin "
                    + "fails the execution with ExecutionFailure.of(error, cause)");
        }
        if (answer instanceof ExitCode) {
            throw new InvalidAnswerException("returned an ExitCode, which only ECS task container twins can return; a state machine twin "
                    + "returns the execution's output or an ExecutionFailure");
        }
        return InvocationResult.value(AnswerJson.toJson(answer));
    }

    @Override
    protected JsonNode copy(JsonNode invocation) {
        return copyOf(invocation);
    }
}
