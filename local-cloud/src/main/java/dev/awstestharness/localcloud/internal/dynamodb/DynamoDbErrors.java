package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.List;
import java.util.Map;

/** DynamoDB's errors, with the {@code __type} DynamoDB sends (the SDK maps the part after {@code #} to its exception). */
public final class DynamoDbErrors {
    private static final String SERVICE = "com.amazonaws.dynamodb.v20120810#";

    private DynamoDbErrors() {}

    public static AwsServiceException validation(String message) {
        return new AwsServiceException("com.amazon.coral.validate#ValidationException", message);
    }

    static AwsServiceException tableNotFound() {
        return new AwsServiceException(SERVICE + "ResourceNotFoundException", "Requested resource not found");
    }

    static AwsServiceException tableNotFound(String table) {
        return new AwsServiceException(SERVICE + "ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
    }

    static AwsServiceException tableInUse(String table) {
        return new AwsServiceException(SERVICE + "ResourceInUseException", "Table already exists: " + table);
    }

    static AwsServiceException conditionalCheckFailed() {
        return new AwsServiceException(SERVICE + "ConditionalCheckFailedException", "The conditional request failed");
    }

    /** A cancelled transaction, with one reason per action in the request's order ({@code Code} {@code None} for the others). */
    static AwsServiceException transactionCanceled(List<ObjectNode> reasons) {
        ArrayNode array = LocalJson.MAPPER.createArrayNode();
        reasons.forEach(array::add);
        String codes = String.join(", ", reasons.stream().map(reason -> reason.path("Code").asText()).toList());
        return new AwsServiceException(SERVICE + "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]", 400,
                Map.of("CancellationReasons", array));
    }

    static AwsServiceException unknownOperation(String message) {
        return new AwsServiceException("com.amazon.coral.service#UnknownOperationException", message);
    }

    /** The exception name the SDKs use for an error type, e.g. {@code ConditionalCheckFailedException}. */
    public static String exceptionName(AwsServiceException e) {
        return e.type().substring(e.type().indexOf('#') + 1);
    }
}
