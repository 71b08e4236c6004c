package dev.awstestharness.localcloud.internal.lambda;

import dev.awstestharness.localcloud.internal.http.AwsServiceException;

/** The Lambda API errors the local Lambda service reports, with Lambda's types, statuses and messages. */
final class LambdaErrors {
    static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
            + "([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    private LambdaErrors() {}

    static AwsServiceException functionNotFound(String arn) {
        return new AwsServiceException("ResourceNotFoundException", "Function not found: " + arn, 404);
    }

    static AwsServiceException functionExists(String name) {
        return new AwsServiceException("ResourceConflictException", "Function already exist: " + name, 409);
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterValueException", message, 400);
    }

    static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", "1 validation error detected: " + message, 400);
    }

    static AwsServiceException invalidRequestContent(String message) {
        return new AwsServiceException("InvalidRequestContentException", message, 400);
    }

    static AwsServiceException requestTooLarge(int limit) {
        return new AwsServiceException("RequestTooLargeException", "Request must be smaller than " + limit + " bytes for the InvokeFunction operation",
                413);
    }
}
