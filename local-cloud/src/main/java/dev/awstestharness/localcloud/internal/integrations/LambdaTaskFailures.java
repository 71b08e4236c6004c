package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import dev.awstestharness.localcloud.internal.lambda.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How Step Functions reports failed Lambda invocations: a function error fails the task with the function's
 * {@code errorType} as error and its error payload as cause ({@code Lambda.Unknown} with AWS's explanation when the
 * payload has no type, e.g. a timeout); a Lambda API error fails it with {@code Lambda.<ErrorCode>} and the message of
 * the SDK for Java v1 that Step Functions calls Lambda with.
 */
final class LambdaTaskFailures {
    private LambdaTaskFailures() {}

    static StatesError functionError(InvocationResult result) {
        String payload = new String(result.payload(), StandardCharsets.UTF_8);
        String type = null;
        try {
            JsonNode json = LocalJson.parse(payload);
            JsonNode errorType = json.path("errorType");
            if (errorType.isTextual()) type = errorType.textValue();
        } catch (Exception e) {
            // Not JSON: no error type.
        }
        if (type == null) {
            return new StatesError("Lambda.Unknown", "The cause could not be determined because Lambda did not return an error type. Returned payload: "
                    + payload);
        }
        return new StatesError(type, payload);
    }

    static StatesError apiError(AwsServiceException e) {
        return new StatesError("Lambda." + e.type(), e.getMessage() + " (Service: AWSLambda; Status Code: " + e.status() + "; Error Code: " + e.type()
                + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
    }

    /** The payload as JSON; a payload that is not JSON stays text, as Step Functions keeps it. */
    static JsonNode payload(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return LocalJson.parse(text);
        } catch (Exception e) {
            return LocalJson.MAPPER.getNodeFactory().textNode(text);
        }
    }
}
