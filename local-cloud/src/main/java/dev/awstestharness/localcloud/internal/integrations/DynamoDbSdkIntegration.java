package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbService;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::aws-sdk:dynamodb:<action>} (request-response): the action ({@code getItem}, {@code query},
 * {@code createTable}, ...) with its PascalCase parameters; the result is the DynamoDB response, without response
 * metadata. Errors are named as the AWS SDK for Java v2 names them: {@code DynamoDb.<Exception>} for DynamoDB's
 * modelled exceptions, {@code DynamoDb.DynamoDbException} for the others, with that SDK's message format as the cause.
 */
public final class DynamoDbSdkIntegration implements ServiceIntegration {
    public static final String PREFIX = "arn:aws:states:::aws-sdk:dynamodb:";

    private final DynamoDbService dynamoDb;

    public DynamoDbSdkIntegration(DynamoDbService dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        String action = request.serviceResource().substring(PREFIX.length());
        String operation = action.isEmpty() ? action : Character.toUpperCase(action.charAt(0)) + action.substring(1);
        if (action.isEmpty() || !Character.isLowerCase(action.charAt(0)) || !dynamoDb.supports(operation)) {
            throw new StatesError("States.Runtime", "The resource '" + request.resource() + "' is not an action of the local DynamoDB; "
                    + "use arn:aws:states:::aws-sdk:dynamodb:<action> with a camelCase action such as getItem, putItem, updateItem, deleteItem, "
                    + "query, scan, batchGetItem, batchWriteItem, transactWriteItems, transactGetItems, createTable, describeTable, deleteTable, listTables");
        }
        try {
            return CompletableFuture.completedFuture(dynamoDb.call(operation, request.parameters()));
        } catch (AwsServiceException e) {
            String exception = DynamoDbErrors.exceptionName(e);
            boolean modelled = DynamoDbItemIntegration.MODELLED.contains(exception);
            String name = modelled ? (exception.endsWith("Exception") ? exception : exception + "Exception") : "DynamoDbException";
            throw new StatesError("DynamoDb." + name, e.getMessage() + " (Service: DynamoDb, Status Code: " + e.status() + ", Request ID: "
                    + DynamoDbItemIntegration.requestId() + ")");
        }
    }
}
