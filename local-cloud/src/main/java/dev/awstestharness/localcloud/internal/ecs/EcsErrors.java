package dev.awstestharness.localcloud.internal.ecs;

import dev.awstestharness.localcloud.internal.http.AwsServiceException;

/** The errors of the ECS API, with AWS's error types and message wording. */
final class EcsErrors {
    private EcsErrors() {}

    static AwsServiceException clusterNotFound() {
        return new AwsServiceException("ClusterNotFoundException", "Cluster not found.");
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterException", message);
    }

    static AwsServiceException client(String message) {
        return new AwsServiceException("ClientException", message);
    }

    /** A field of the wrong JSON type: the request cannot be read into the operation's input. */
    static AwsServiceException serialization(String message) {
        return new AwsServiceException("SerializationException", message);
    }
}
