package dev.awstestharness.localcloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The {@link Context} a local invocation's handler gets: the function's identity, its request id, its deadline, a logger. */
final class LocalContext implements Context {
    private final LambdaFunction function;
    private final String requestId;
    private final String invokedArn;
    private final long deadlineNanos;
    private final InvocationLog log;
    private final ClientContext clientContext;

    LocalContext(LambdaFunction function, String requestId, String invokedArn, long deadlineNanos, InvocationLog log, ClientContext clientContext) {
        this.function = function;
        this.requestId = requestId;
        this.invokedArn = invokedArn;
        this.deadlineNanos = deadlineNanos;
        this.log = log;
        this.clientContext = clientContext;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return function.logGroup();
    }

    @Override
    public String getLogStreamName() {
        return function.logStream();
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return LambdaFunction.LATEST;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memorySize();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.append(message);
            }

            @Override
            public void log(byte[] message) {
                log.append(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
