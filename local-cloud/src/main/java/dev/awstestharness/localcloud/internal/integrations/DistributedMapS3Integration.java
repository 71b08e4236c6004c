package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The S3 resources of a distributed Map: its ItemReader reads through {@code arn:aws:states:::s3:getObject} and
 * {@code arn:aws:states:::s3:listObjectsV2} (answered as the aws-sdk actions answer), its ResultWriter writes through
 * {@code arn:aws:states:::s3:putObject} (the Body text as it is).
 */
public final class DistributedMapS3Integration implements ServiceIntegration {
    public static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    public static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    public static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";
    private static final Map<String, String> SDK_ACTIONS = Map.of(GET_OBJECT, "getObject", LIST_OBJECTS, "listObjectsV2");

    private final S3SdkIntegration sdk;

    public DistributedMapS3Integration(S3SdkIntegration sdk) {
        this.sdk = sdk;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        JsonNode parameters = request.parameters();
        if (request.serviceResource().equals(PUT_OBJECT)) {
            return sdk.putText(text(parameters, "Bucket"), text(parameters, "Key"), text(parameters, "Body"));
        }
        String action = SDK_ACTIONS.get(request.serviceResource());
        String resource = S3SdkIntegration.RESOURCE_PREFIX + action;
        return sdk.invoke(new TaskRequest(resource, resource, request.pattern(), parameters, request.taskToken(), request.executionArn(),
                request.stateName(), request.timeoutSeconds()));
    }

    private static String text(JsonNode parameters, String field) {
        JsonNode value = parameters.get(field);
        if (value == null || !value.isTextual()) {
            throw new StatesError("States.Runtime", "The S3 parameters of the distributed Map need a string '" + field + "'");
        }
        return value.textValue();
    }
}
