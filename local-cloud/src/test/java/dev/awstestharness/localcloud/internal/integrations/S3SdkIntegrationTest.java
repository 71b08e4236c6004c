package dev.awstestharness.localcloud.internal.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.LocalCloud;
import dev.awstestharness.localcloud.internal.s3.S3Clients;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@code aws-sdk:s3:*} tasks in real state machines, checked against the S3 client. */
class S3SdkIntegrationTest {
    static LocalCloud cloud;
    static S3Client s3;
    static StateMachineRuns runs;
    String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        s3 = S3Clients.client(cloud.endpoint());
        runs = new StateMachineRuns(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        runs.close();
        s3.close();
        cloud.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "sfn-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
    }

    static String task(String action, String parameters) {
        return """
                {"StartAt":"S3","States":{"S3":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:%s","Parameters":%s,
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Pass","End":true}}}"""
                .formatted(action, parameters);
    }

    JsonNode run(String action, String parameters) {
        DescribeExecutionResponse described = runs.run(task(action, parameters.replace("BUCKET", bucket)), "{}");
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return StateMachineRuns.json(described.output());
    }

    String content(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }

    @Test
    void putObjectWritesABodyAsItsJsonTextAsAwsDoes() {
        JsonNode string = run("putObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"string\",\"Body\":\"text data\"}");
        run("putObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"object\",\"Body\":{\"Dict\":\"Value\"}}");
        run("putObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"number\",\"Body\":0}");

        assertThat(string).isEqualTo(StateMachineRuns.json("{\"ETag\":\"\\\"2b5df3712557f503a9977a8ea893b2c9\\\"\",\"ServerSideEncryption\":\"AES256\"}"));
        assertThat(content("string")).isEqualTo("\"text data\"");
        assertThat(content("object")).isEqualTo("{\"Dict\":\"Value\"}");
        assertThat(content("number")).isEqualTo("0");
        assertThat(s3.headObject(r -> r.bucket(bucket).key("object")).contentType()).isEqualTo("binary/octet-stream");
    }

    @Test
    void putObjectTakesContentTypeAndMetadata() {
        run("putObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"k\",\"Body\":\"x\",\"ContentType\":\"text/plain\",\"Metadata\":{\"Owner\":\"sfn\"}}");

        HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("k"));
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(head.metadata()).containsExactly(Map.entry("owner", "sfn"));
    }

    @Test
    void getObjectReturnsTheBodyAsAString() {
        s3.putObject(r -> r.bucket(bucket).key("data.txt").metadata(Map.of("a", "1")), RequestBody.fromString("text data"));

        JsonNode output = run("getObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"data.txt\"}");

        assertThat(output.get("Body").asText()).isEqualTo("text data");
        assertThat(output.get("ContentLength").asInt()).isEqualTo(9);
        assertThat(output.get("ContentType").asText()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(output.get("ETag").asText()).isEqualTo("\"332eec544317a6d340b8e77da7fe54ad\"");
        assertThat(output.get("AcceptRanges").asText()).isEqualTo("bytes");
        assertThat(output.get("Metadata")).isEqualTo(StateMachineRuns.json("{\"a\":\"1\"}"));
        assertThat(output.get("ServerSideEncryption").asText()).isEqualTo("AES256");
        assertThat(output.get("LastModified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void getObjectOfAMissingKeyFailsWithS3NoSuchKeyException() {
        JsonNode output = run("getObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"missing\"}");

        assertThat(output.get("Error").asText()).isEqualTo("S3.NoSuchKeyException");
        assertThat(output.get("Cause").asText()).matches("The specified key does not exist\\. \\(Service: S3, Status Code: 404, "
                + "Request ID: [0-9A-F]{16}, Extended Request ID: \\S+\\)");
    }

    @Test
    void headObjectOfAMissingKeyFailsWithoutAMessageAsTheSdkReportsHeadErrors() {
        JsonNode output = run("headObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"missing\"}");

        assertThat(output.get("Error").asText()).isEqualTo("S3.NoSuchKeyException");
        assertThat(output.get("Cause").asText()).startsWith("null (Service: S3, Status Code: 404, Request ID: ");
    }

    @Test
    void aMissingBucketFailsWithS3NoSuchBucketException() {
        JsonNode output = run("putObject", "{\"Bucket\":\"no-such-bucket-here\",\"Key\":\"k\",\"Body\":\"x\"}");

        assertThat(output.get("Error").asText()).isEqualTo("S3.NoSuchBucketException");
        assertThat(output.get("Cause").asText()).startsWith("The specified bucket does not exist (Service: S3, Status Code: 404, ");
    }

    @Test
    void listObjectsV2ListsKeysAndCommonPrefixes() {
        for (String key : new String[] {"a/1", "a/2", "b/1", "top"}) s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));

        JsonNode output = run("listObjectsV2", "{\"Bucket\":\"BUCKET\",\"Delimiter\":\"/\"}");

        assertThat(output.get("KeyCount").asInt()).isEqualTo(3);
        assertThat(output.get("IsTruncated").asBoolean()).isFalse();
        assertThat(output.get("Name").asText()).isEqualTo(bucket);
        assertThat(output.get("CommonPrefixes")).isEqualTo(StateMachineRuns.json("[{\"Prefix\":\"a/\"},{\"Prefix\":\"b/\"}]"));
        assertThat(output.get("Contents")).hasSize(1);
        assertThat(output.at("/Contents/0/Key").asText()).isEqualTo("top");
        assertThat(output.at("/Contents/0/Size").asInt()).isEqualTo(3);
        assertThat(output.at("/Contents/0/StorageClass").asText()).isEqualTo("STANDARD");
    }

    @Test
    void copyDeleteAndDeleteObjectsChangeTheBucket() {
        s3.putObject(r -> r.bucket(bucket).key("src"), RequestBody.fromString("payload"));

        JsonNode copied = run("copyObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"dst\",\"CopySource\":\"BUCKET/src\"}");
        run("deleteObject", "{\"Bucket\":\"BUCKET\",\"Key\":\"src\"}");
        s3.putObject(r -> r.bucket(bucket).key("other"), RequestBody.fromString("x"));
        JsonNode deleted = run("deleteObjects", "{\"Bucket\":\"BUCKET\",\"Delete\":{\"Objects\":[{\"Key\":\"dst\"},{\"Key\":\"other\"}]}}");

        assertThat(copied.at("/CopyObjectResult/ETag").asText()).isEqualTo("\"321c3cf486ed509164edec1e1981fec8\"");
        assertThat(deleted.get("Deleted")).isEqualTo(StateMachineRuns.json("[{\"Key\":\"dst\"},{\"Key\":\"other\"}]"));
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void createBucketMakesABucketTheS3ClientSees() {
        String name = bucket + "-new";

        JsonNode output = run("createBucket", "{\"Bucket\":\"" + name + "\"}");

        assertThat(output.get("Location").asText()).isEqualTo("/" + name);
        assertThat(s3.headBucket(r -> r.bucket(name)).sdkHttpResponse().isSuccessful()).isTrue();
    }
}
