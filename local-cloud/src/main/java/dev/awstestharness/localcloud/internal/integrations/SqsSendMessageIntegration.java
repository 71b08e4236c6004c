package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import dev.awstestharness.localcloud.internal.sqs.SqsService;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::sqs:sendMessage} (request-response and {@code .waitForTaskToken}): sends a message to a
 * local queue. As on AWS, a {@code MessageBody} that is JSON other than a string is sent as its JSON text, parameters
 * SendMessage does not know are dropped, and the result is SendMessage's response with {@code SdkHttpMetadata} and
 * {@code SdkResponseMetadata}. Service errors fail the task as {@code SQS.<Exception>} with the SDK for Java v1's
 * message format as the cause.
 */
public final class SqsSendMessageIntegration implements ServiceIntegration {
    public static final String RESOURCE = "arn:aws:states:::sqs:sendMessage";

    private static final Set<String> PARAMETERS = Set.of("QueueUrl", "MessageBody", "MessageAttributes", "MessageGroupId",
            "MessageDeduplicationId", "DelaySeconds");

    private final SqsService sqs;

    public SqsSendMessageIntegration(SqsService sqs) {
        this.sqs = sqs;
    }

    @Override
    public Set<IntegrationPattern> patterns() {
        return EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        ObjectNode parameters = LocalJson.object();
        request.parameters().properties().forEach(entry -> {
            if (PARAMETERS.contains(entry.getKey())) parameters.set(entry.getKey(), entry.getValue());
        });
        JsonNode body = parameters.get("MessageBody");
        if (body != null && (body.isContainerNode() || body.isNumber() || body.isBoolean())) {
            parameters.put("MessageBody", LocalJson.write(body));
        }
        String requestId = UUID.randomUUID().toString();
        ObjectNode response;
        try {
            response = sqs.sendMessage(parameters);
        } catch (AwsServiceException e) {
            throw failure(e, requestId);
        }
        return CompletableFuture.completedFuture(SdkHttpMetadata.append(response, "application/x-amz-json-1.0", requestId,
                Map.of("connection", "keep-alive")));
    }

    /** The task failure for an SQS error, named and worded as the SDK for Java v1 that Step Functions uses reports it. */
    private static StatesError failure(AwsServiceException e, String requestId) {
        String shape = e.type().substring(e.type().indexOf('#') + 1);
        String code = e.headers().getOrDefault("x-amzn-query-error", shape).replaceFirst(";.*$", "");
        String exception = shape.endsWith("Exception") ? shape : shape + "Exception";
        boolean modelled = Set.of("QueueDoesNotExist", "InvalidMessageContents", "UnsupportedOperation").contains(shape);
        return new StatesError("SQS." + (modelled ? exception : "AmazonSQSException"), e.getMessage() + " (Service: AmazonSQS; Status Code: "
                + e.status() + "; Error Code: " + code + "; Request ID: " + requestId + "; Proxy: null)");
    }
}
