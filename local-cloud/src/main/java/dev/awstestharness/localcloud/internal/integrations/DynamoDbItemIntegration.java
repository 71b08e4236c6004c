package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbService;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;

/**
 * The optimized DynamoDB integrations {@code arn:aws:states:::dynamodb:getItem}, {@code putItem}, {@code updateItem} and
 * {@code deleteItem} (request-response only, as on AWS). The result is the DynamoDB response in its API shape
 * ({@code Item}, {@code Attributes}, ...) with {@code SdkHttpMetadata} and {@code SdkResponseMetadata}. Errors are
 * named as the AWS SDK for Java v1 (which Step Functions uses here) names them: {@code DynamoDB.<Exception>} for
 * DynamoDB's modelled exceptions, {@code DynamoDB.AmazonDynamoDBException} for the others (such as ValidationException),
 * with that SDK's message format as the cause.
 */
public final class DynamoDbItemIntegration implements ServiceIntegration {
    public static final String PREFIX = "arn:aws:states:::dynamodb:";
    public static final Map<String, String> OPERATIONS = Map.of("getItem", "GetItem", "putItem", "PutItem", "updateItem", "UpdateItem",
            "deleteItem", "DeleteItem");

    /** The exceptions the SDK models, which keep their own name in the error. */
    static final Set<String> MODELLED = Set.of("ConditionalCheckFailedException", "ResourceNotFoundException", "ResourceInUseException",
            "ProvisionedThroughputExceededException", "ItemCollectionSizeLimitExceededException", "TransactionConflictException",
            "RequestLimitExceeded", "InternalServerError", "LimitExceededException", "TransactionCanceledException");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REQUEST_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final DynamoDbService dynamoDb;
    private final String operation;

    public DynamoDbItemIntegration(DynamoDbService dynamoDb, String action) {
        this.dynamoDb = dynamoDb;
        this.operation = OPERATIONS.get(action);
        if (operation == null) throw new IllegalArgumentException("dynamodb:" + action + " is not an optimized integration");
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        String requestId = requestId();
        ObjectNode response;
        try {
            response = dynamoDb.call(operation, request.parameters());
        } catch (AwsServiceException e) {
            String exception = DynamoDbErrors.exceptionName(e);
            String error = "DynamoDB." + (MODELLED.contains(exception) ? exception : "AmazonDynamoDBException");
            throw new StatesError(error, e.getMessage() + " (Service: AmazonDynamoDBv2; Status Code: " + e.status() + "; Error Code: " + exception
                    + "; Request ID: " + requestId + "; Proxy: null)");
        }
        CRC32 crc = new CRC32();
        crc.update(dev.awstestharness.localcloud.internal.json.LocalJson.bytes(response));
        return CompletableFuture.completedFuture(SdkHttpMetadata.append(response, "application/x-amz-json-1.0", requestId,
                Map.of("Connection", "keep-alive", "Server", "Server", "x-amz-crc32", Long.toString(crc.getValue()))));
    }

    /** A request id in DynamoDB's form: 52 upper-case letters and digits. */
    static String requestId() {
        StringBuilder id = new StringBuilder(52);
        for (int i = 0; i < 52; i++) id.append(REQUEST_ID_ALPHABET.charAt(RANDOM.nextInt(REQUEST_ID_ALPHABET.length())));
        return id.toString();
    }
}
