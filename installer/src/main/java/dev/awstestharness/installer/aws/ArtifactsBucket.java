package dev.awstestharness.installer.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** The installation's artifacts bucket: uploads, and emptying it (every object version) before the stack is deleted. */
public final class ArtifactsBucket {
    private final S3Client s3;
    private final String bucket;

    public ArtifactsBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public void upload(String key, byte[] content, String contentType) {
        AwsCall.run("s3:PutObject", "s3://" + bucket + "/" + key,
                () -> s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content)));
    }

    /** Deletes every object and object version; returns how many were deleted. */
    public int empty() {
        int deleted = 0;
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            String keys = keyMarker;
            String versions = versionMarker;
            ListObjectVersionsResponse page = AwsCall.call("s3:ListBucketVersions", "s3://" + bucket,
                    () -> s3.listObjectVersions(r -> r.bucket(bucket).keyMarker(keys).versionIdMarker(versions)));
            List<ObjectIdentifier> identifiers = new ArrayList<>();
            page.versions().forEach(version -> identifiers.add(ObjectIdentifier.builder().key(version.key()).versionId(version.versionId()).build()));
            page.deleteMarkers().forEach(marker -> identifiers.add(ObjectIdentifier.builder().key(marker.key()).versionId(marker.versionId()).build()));
            if (!identifiers.isEmpty()) {
                var response = AwsCall.call("s3:DeleteObjectVersion", "s3://" + bucket,
                        () -> s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(identifiers).quiet(true))));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    var error = response.errors().get(0);
                    String message = "s3://" + bucket + "/" + error.key() + ": " + error.code() + ": " + error.message() + " (" + response.errors().size()
                            + " objects not deleted)";
                    throw new dev.awstestharness.installer.InstallerException(AwsCall.ACCESS_DENIED.contains(error.code())
                            ? "Permission denied: the AWS credentials in use may not call s3:DeleteObjectVersion (and s3:DeleteObject) on s3://" + bucket
                                    + "/*. Allow them to the installing user or role (docs/installer.md). AWS said: " + message
                            : "Emptying the artifacts bucket failed: " + message);
                }
                deleted += identifiers.size();
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) return deleted;
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
    }

    public String name() {
        return bucket;
    }
}
