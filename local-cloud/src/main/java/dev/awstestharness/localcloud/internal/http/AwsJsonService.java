package dev.awstestharness.localcloud.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/** A service spoken to with the AWS JSON 1.0/1.1 protocol: one operation name and one JSON object in, JSON out. */
public interface AwsJsonService {
    /** The {@code X-Amz-Target} prefix before the dot, e.g. {@code AWSStepFunctions}. */
    String targetPrefix();

    /**
     * Runs an operation. Errors for the caller are {@link AwsServiceException}s, thrown or as the future's exception;
     * anything else is a bug and becomes an {@code InternalFailure}.
     */
    CompletableFuture<? extends JsonNode> invoke(String operation, ObjectNode input);
}
