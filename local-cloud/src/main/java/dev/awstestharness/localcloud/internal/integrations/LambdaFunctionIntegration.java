package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import dev.awstestharness.localcloud.internal.lambda.InvocationResult;
import dev.awstestharness.localcloud.internal.lambda.InvokeRequest;
import dev.awstestharness.localcloud.internal.lambda.LambdaService;
import java.util.concurrent.CompletableFuture;

/**
 * A Lambda function ARN as a Task's resource ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}): the
 * task's input is the payload and the function's result, parsed as JSON, is the task's result. Errors as with
 * {@link LambdaInvokeIntegration}.
 */
public final class LambdaFunctionIntegration implements ServiceIntegration {
    /** Registered as a prefix: every function ARN. */
    public static final String RESOURCE_PREFIX = "arn:aws:lambda:";

    private final LambdaService lambda;

    public LambdaFunctionIntegration(LambdaService lambda) {
        this.lambda = lambda;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        CompletableFuture<InvocationResult> result;
        try {
            result = lambda.invoke(InvokeRequest.of(request.serviceResource(), LocalJson.bytes(request.parameters())));
        } catch (AwsServiceException e) {
            throw LambdaTaskFailures.apiError(e);
        }
        return result.thenApply(invocation -> {
            if (invocation.functionError() != null) throw LambdaTaskFailures.functionError(invocation);
            return LambdaTaskFailures.payload(invocation.payload());
        });
    }
}
