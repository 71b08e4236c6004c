package dev.awstestharness.localcloud.internal.stepfunctions;

import dev.awstestharness.localcloud.internal.http.AwsServiceException;

/** The errors of the Step Functions API, with AWS's error types and message wording. */
final class SfnErrors {
    private SfnErrors() {}

    static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", message);
    }

    static AwsServiceException missing(String field) {
        return validation("1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
    }

    static AwsServiceException invalidArn(String reason) {
        return new AwsServiceException("InvalidArn", "Invalid Arn: '" + reason + "'");
    }

    static AwsServiceException invalidName(String name) {
        return new AwsServiceException("InvalidName", "Invalid Name: '" + name + "'");
    }

    static AwsServiceException stateMachineDoesNotExist(String arn) {
        return new AwsServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    static AwsServiceException stateMachineAlreadyExists(String arn) {
        return new AwsServiceException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }

    static AwsServiceException executionDoesNotExist(String arn) {
        return new AwsServiceException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    static AwsServiceException executionAlreadyExists(String arn) {
        return new AwsServiceException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }

    static AwsServiceException invalidExecutionInput(String reason) {
        return new AwsServiceException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + reason + "'");
    }

    static AwsServiceException invalidOutput(String reason) {
        return new AwsServiceException("InvalidOutput", "Invalid Output: '" + reason + "'");
    }

    static AwsServiceException invalidToken(String message) {
        return new AwsServiceException("InvalidToken", message);
    }
}
