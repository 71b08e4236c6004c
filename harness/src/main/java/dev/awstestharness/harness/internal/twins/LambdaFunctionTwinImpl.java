package dev.awstestharness.harness.internal.twins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.ExitCode;
import dev.awstestharness.harness.LambdaFunctionHandler;
import dev.awstestharness.harness.LambdaFunctionTwin;
import dev.awstestharness.harness.ThrownException;

/** The twin of a Lambda function double: each call is the event; the answer a value or a {@link ThrownException}. */
public final class LambdaFunctionTwinImpl extends AbstractTwin<JsonNode, LambdaFunctionHandler> implements LambdaFunctionTwin {
    public LambdaFunctionTwinImpl(String name, LambdaFunctionHandler handler) {
        super(name, handler);
    }

    @Override
    public DoubleKind kind() {
        return DoubleKind.LAMBDA_FUNCTION;
    }

    @Override
    protected String describe(String name) {
        return "the Lambda function double '" + name + "'";
    }

    @Override
    public InvocationResult answer(JsonNode payload) throws Exception {
        JsonNode event = payload == null ? NullNode.getInstance() : payload;
        record(event.deepCopy());
        Object answer = handler().handle(event.deepCopy());
        if (answer instanceof ThrownException thrown) return InvocationResult.thrown(thrown.errorType(), thrown.message());
        if (answer instanceof ExecutionFailure) {
            throw new InvalidAnswerException("returned an ExecutionFailure, which only state machine twins can return; a Lambda function "
                    + "twin fails the call with ThrownException.withMessage(...)");
        }
        if (answer instanceof ExitCode) {
            throw new InvalidAnswerException("returned an ExitCode, which only ECS task container twins can return; a Lambda function twin "
                    + "returns the function's result or a ThrownException");
        }
        return InvocationResult.value(AnswerJson.toJson(answer));
    }

    @Override
    protected JsonNode copy(JsonNode invocation) {
        return copyOf(invocation);
    }
}
