package dev.awstestharness.localcloud.internal.dynamodb;

import dev.awstestharness.localcloud.internal.http.AwsServiceException;

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

    static AwsServiceException unknownOperation(String message) {
        return new AwsServiceException("com.amazon.coral.service#UnknownOperationException", message);
    }

    /** The exception name the SDKs use for an error type, e.g. {@code ConditionalCheckFailedException}. */
    public static String exceptionName(AwsServiceException e) {
        return e.type().substring(e.type().indexOf('#') + 1);
    }
}
