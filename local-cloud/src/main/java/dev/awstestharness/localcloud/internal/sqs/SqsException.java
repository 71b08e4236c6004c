package dev.awstestharness.localcloud.internal.sqs;

import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import java.util.Map;

/**
 * An SQS error as the AWS JSON protocol carries it: the Smithy shape in {@code __type}
 * ({@code com.amazonaws.sqs#QueueDoesNotExist}, which the SDK maps to its exception class) and, because SQS keeps
 * compatibility with its older query protocol, the legacy error code in {@code x-amzn-query-error}
 * ({@code AWS.SimpleQueueService.NonExistentQueue;Sender}), which the SDKs report as the error code.
 */
final class SqsException extends AwsServiceException {
    private final String queryCode;

    private SqsException(String shape, String queryCode, String message) {
        super("com.amazonaws.sqs#" + shape, message);
        this.queryCode = queryCode;
    }

    /** The legacy (query protocol) error code, e.g. {@code AWS.SimpleQueueService.NonExistentQueue}. */
    String queryCode() {
        return queryCode;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("x-amzn-query-error", queryCode + ";Sender");
    }

    static SqsException queueDoesNotExist() {
        return new SqsException("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
    }

    static SqsException queueNameExists(String name) {
        return new SqsException("QueueNameExists", "QueueAlreadyExists",
                "A queue already exists with the same name and a different value for attribute " + name);
    }

    static SqsException invalidParameterValue(String message) {
        return new SqsException("InvalidParameterValue", "InvalidParameterValue", message);
    }

    static SqsException missingParameter(String parameter) {
        return new SqsException("MissingParameter", "MissingParameter", "The request must contain the parameter " + parameter + ".");
    }

    static SqsException invalidAttributeName(String name) {
        return new SqsException("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
    }

    static SqsException invalidAttributeValue(String message) {
        return new SqsException("InvalidAttributeValue", "InvalidAttributeValue", message);
    }

    static SqsException receiptHandleIsInvalid(String handle) {
        return new SqsException("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    static SqsException messageNotInflight() {
        return new SqsException("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", "The message referred to isn't in flight.");
    }

    static SqsException invalidMessageContents() {
        return new SqsException("InvalidMessageContents", "InvalidMessageContents",
                "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
    }

    static SqsException emptyBatchRequest(String entryType) {
        return new SqsException("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
                "There should be at least one " + entryType + " in the request.");
    }

    static SqsException tooManyEntriesInBatchRequest(int count) {
        return new SqsException("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                "Maximum number of entries per request are 10. You have sent " + count + ".");
    }

    static SqsException batchEntryIdsNotDistinct(String id) {
        return new SqsException("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id " + id + " repeated.");
    }

    static SqsException invalidBatchEntryId() {
        return new SqsException("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
                "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
    }

    static SqsException unsupportedOperation(String message) {
        return new SqsException("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", message);
    }
}
