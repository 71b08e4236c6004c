package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import dev.awstestharness.localcloud.internal.s3.ByteRange;
import dev.awstestharness.localcloud.internal.s3.ContinuationTokens;
import dev.awstestharness.localcloud.internal.s3.ListRequest;
import dev.awstestharness.localcloud.internal.s3.ObjectListing;
import dev.awstestharness.localcloud.internal.s3.ObjectWrite;
import dev.awstestharness.localcloud.internal.s3.S3Bucket;
import dev.awstestharness.localcloud.internal.s3.S3Exception;
import dev.awstestharness.localcloud.internal.s3.S3Service;
import dev.awstestharness.localcloud.internal.s3.StoredObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * {@code arn:aws:states:::aws-sdk:s3:<action>} for getObject, putObject, headObject, deleteObject, listObjectsV2,
 * copyObject, createBucket, deleteObjects, headBucket, deleteBucket and listBuckets, with the aws-sdk integrations'
 * PascalCase fields and quirks: a PutObject {@code Body} is written as its JSON text (a string with its quotes, as AWS
 * writes it), GetObject returns {@code Body} as a string, and errors are {@code S3.<Code>Exception} with the SDK's
 * message as cause ({@code "... (Service: S3, Status Code: 404, Request ID: ..., Extended Request ID: ...)"}).
 */
public final class S3SdkIntegration implements ServiceIntegration {
    public static final String RESOURCE_PREFIX = "arn:aws:states:::aws-sdk:s3:";

    private final S3Service s3;
    private final Map<String, Function<JsonNode, ObjectNode>> actions = new TreeMap<>();

    public S3SdkIntegration(S3Service s3) {
        this.s3 = s3;
        actions.put("getObject", this::getObject);
        actions.put("putObject", this::putObject);
        actions.put("headObject", this::headObject);
        actions.put("deleteObject", this::deleteObject);
        actions.put("listObjectsV2", this::listObjectsV2);
        actions.put("copyObject", this::copyObject);
        actions.put("createBucket", this::createBucket);
        actions.put("deleteObjects", this::deleteObjects);
        actions.put("headBucket", this::headBucket);
        actions.put("deleteBucket", this::deleteBucket);
        actions.put("listBuckets", this::listBuckets);
    }

    @Override
    public Set<IntegrationPattern> patterns() {
        return EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        String action = request.serviceResource().substring(RESOURCE_PREFIX.length());
        Function<JsonNode, ObjectNode> handler = actions.get(action);
        if (handler == null) {
            throw new StatesError("States.Runtime", "The local cloud's aws-sdk:s3 integration does not support the action '" + action
                    + "'; it supports " + String.join(", ", actions.keySet()));
        }
        try {
            return CompletableFuture.completedFuture(handler.apply(request.parameters()));
        } catch (S3Exception e) {
            throw failure(e, action.startsWith("head"));
        }
    }

    /**
     * Writes {@code text} as it is (the aws-sdk PutObject writes a JSON value's text instead), with this
     * integration's error names; used for the files of a distributed Map's ResultWriter.
     */
    public CompletableFuture<JsonNode> putText(String bucket, String key, String text) {
        try {
            StoredObject stored = s3.putObject(bucket, key, ObjectWrite.of(text.getBytes(StandardCharsets.UTF_8), "application/json"));
            ObjectNode output = LocalJson.object();
            output.put("ETag", stored.etag());
            return CompletableFuture.completedFuture(output);
        } catch (S3Exception e) {
            throw failure(e, false);
        }
    }

    private ObjectNode getObject(JsonNode parameters) {
        StoredObject object = s3.getObject(required(parameters, "Bucket", "getObject"), required(parameters, "Key", "getObject"));
        ObjectNode output = describe(object);
        byte[] body = object.content();
        ByteRange range = ByteRange.parse(optional(parameters, "Range"), object.size());
        if (range != null) {
            body = Arrays.copyOfRange(body, (int) range.first(), (int) range.last() + 1);
            output.put("ContentLength", body.length);
            output.put("ContentRange", range.contentRange(object.size()));
        }
        output.put("Body", new String(body, StandardCharsets.UTF_8));
        return output;
    }

    private ObjectNode headObject(JsonNode parameters) {
        return describe(s3.getObject(required(parameters, "Bucket", "headObject"), required(parameters, "Key", "headObject")));
    }

    private ObjectNode putObject(JsonNode parameters) {
        JsonNode body = parameters.get("Body");
        byte[] content = body == null || body.isNull() ? new byte[0] : LocalJson.bytes(body);
        StoredObject stored = s3.putObject(required(parameters, "Bucket", "putObject"), required(parameters, "Key", "putObject"),
                new ObjectWrite(content, optional(parameters, "ContentType"), metadata(parameters), headers(parameters), null, null, null));
        ObjectNode output = LocalJson.object();
        output.put("ETag", stored.etag());
        output.put("ServerSideEncryption", "AES256");
        return output;
    }

    private ObjectNode deleteObject(JsonNode parameters) {
        s3.deleteObject(required(parameters, "Bucket", "deleteObject"), required(parameters, "Key", "deleteObject"));
        return LocalJson.object();
    }

    private ObjectNode copyObject(JsonNode parameters) {
        String source = URLDecoder.decode(required(parameters, "CopySource", "copyObject"), StandardCharsets.UTF_8);
        if (source.startsWith("/")) source = source.substring(1);
        int version = source.indexOf("?versionId=");
        if (version >= 0) source = source.substring(0, version);
        int slash = source.indexOf('/');
        if (slash <= 0) throw new StatesError("S3.S3Exception", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey "
                + "(Service: S3, Status Code: 400, Request ID: " + requestId() + ", Extended Request ID: " + extendedRequestId() + ")");
        String directive = optional(parameters, "MetadataDirective");
        ObjectWrite replacement = "REPLACE".equalsIgnoreCase(directive)
                ? new ObjectWrite(null, optional(parameters, "ContentType"), metadata(parameters), headers(parameters), null, null, null)
                : null;
        StoredObject copy = s3.copyObject(source.substring(0, slash), source.substring(slash + 1), required(parameters, "Bucket", "copyObject"),
                required(parameters, "Key", "copyObject"), replacement);
        ObjectNode output = LocalJson.object();
        ObjectNode result = output.putObject("CopyObjectResult");
        result.put(copy.checksumAlgorithm().member(), copy.checksum());
        result.put("ChecksumType", "FULL_OBJECT");
        result.put("ETag", copy.etag());
        result.put("LastModified", timestamp(copy.lastModified()));
        output.put("ServerSideEncryption", "AES256");
        return output;
    }

    private ObjectNode createBucket(JsonNode parameters) {
        String bucket = required(parameters, "Bucket", "createBucket");
        JsonNode constraint = parameters.path("CreateBucketConfiguration").path("LocationConstraint");
        s3.createBucket(bucket, constraint.isTextual() ? constraint.textValue() : null);
        ObjectNode output = LocalJson.object();
        output.put("Location", "/" + bucket);
        return output;
    }

    private ObjectNode headBucket(JsonNode parameters) {
        S3Bucket bucket = s3.bucket(required(parameters, "Bucket", "headBucket"));
        ObjectNode output = LocalJson.object();
        output.put("AccessPointAlias", false);
        output.put("BucketRegion", bucket.region());
        return output;
    }

    private ObjectNode deleteBucket(JsonNode parameters) {
        s3.deleteBucket(required(parameters, "Bucket", "deleteBucket"));
        return LocalJson.object();
    }

    private ObjectNode listBuckets(JsonNode parameters) {
        ObjectNode output = LocalJson.object();
        ArrayNode buckets = output.putArray("Buckets");
        for (S3Bucket bucket : s3.buckets()) {
            ObjectNode entry = buckets.addObject();
            entry.put("BucketRegion", bucket.region());
            entry.put("CreationDate", timestamp(bucket.creationDate()));
            entry.put("Name", bucket.name());
        }
        output.putObject("Owner").put("ID", "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a");
        return output;
    }

    private ObjectNode deleteObjects(JsonNode parameters) {
        String bucket = required(parameters, "Bucket", "deleteObjects");
        JsonNode delete = parameters.path("Delete");
        s3.bucket(bucket);
        ObjectNode output = LocalJson.object();
        ArrayNode deleted = LocalJson.array();
        for (JsonNode object : delete.path("Objects")) {
            String key = object.path("Key").asText();
            s3.deleteObject(bucket, key);
            deleted.addObject().put("Key", key);
        }
        if (!delete.path("Quiet").asBoolean(false) && !deleted.isEmpty()) output.set("Deleted", deleted);
        return output;
    }

    private ObjectNode listObjectsV2(JsonNode parameters) {
        String bucket = required(parameters, "Bucket", "listObjectsV2");
        String prefix = optional(parameters, "Prefix");
        String delimiter = optional(parameters, "Delimiter");
        int maxKeys = parameters.path("MaxKeys").canConvertToInt() ? parameters.path("MaxKeys").intValue() : ListRequest.MAX_KEYS;
        String token = optional(parameters, "ContinuationToken");
        String startAfter = optional(parameters, "StartAfter");
        ObjectListing listing = s3.list(bucket, new ListRequest(prefix, delimiter, Math.max(0, Math.min(maxKeys, ListRequest.MAX_KEYS)),
                token != null ? ContinuationTokens.decode(token) : startAfter));
        boolean owner = parameters.path("FetchOwner").asBoolean(false);
        ObjectNode output = LocalJson.object();
        if (!listing.commonPrefixes().isEmpty()) {
            ArrayNode prefixes = output.putArray("CommonPrefixes");
            listing.commonPrefixes().forEach(common -> prefixes.addObject().put("Prefix", common));
        }
        if (!listing.contents().isEmpty()) {
            ArrayNode contents = output.putArray("Contents");
            for (StoredObject object : listing.contents()) {
                ObjectNode entry = contents.addObject();
                entry.putArray("ChecksumAlgorithm").add(object.checksumAlgorithm().name());
                entry.put("ChecksumType", "FULL_OBJECT");
                entry.put("ETag", object.etag());
                entry.put("Key", object.key());
                entry.put("LastModified", timestamp(object.lastModified()));
                if (owner) entry.putObject("Owner").put("ID", "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a");
                entry.put("Size", object.size());
                entry.put("StorageClass", "STANDARD");
            }
        }
        if (token != null) output.put("ContinuationToken", token);
        if (delimiter != null) output.put("Delimiter", delimiter);
        output.put("IsTruncated", listing.truncated());
        output.put("KeyCount", listing.keyCount());
        output.put("MaxKeys", maxKeys);
        output.put("Name", bucket);
        if (listing.truncated()) output.put("NextContinuationToken", ContinuationTokens.encode(listing.next()));
        output.put("Prefix", prefix == null ? "" : prefix);
        if (token == null && startAfter != null) output.put("StartAfter", startAfter);
        return output;
    }

    /** GetObject's and HeadObject's fields, as the aws-sdk integration returns them. */
    private static ObjectNode describe(StoredObject object) {
        ObjectNode output = LocalJson.object();
        output.put("AcceptRanges", "bytes");
        object.headers().forEach((name, value) -> output.put(name.replace("-", ""), value));
        output.put("ContentLength", object.size());
        output.put("ContentType", object.contentType());
        output.put("ETag", object.etag());
        output.put("LastModified", timestamp(object.lastModified()));
        ObjectNode metadata = output.putObject("Metadata");
        object.metadata().forEach(metadata::put);
        output.put("ServerSideEncryption", "AES256");
        return output;
    }

    private static Map<String, String> metadata(JsonNode parameters) {
        Map<String, String> metadata = new LinkedHashMap<>();
        parameters.path("Metadata").fields().forEachRemaining(field -> metadata.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asText()));
        return metadata;
    }

    private static Map<String, String> headers(JsonNode parameters) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : new String[] {"Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires"}) {
            String value = optional(parameters, header.replace("-", ""));
            if (value != null) headers.put(header, value);
        }
        return headers;
    }

    private static String required(JsonNode parameters, String field, String action) {
        JsonNode value = parameters.get(field);
        if (value == null || !value.isTextual()) {
            throw new StatesError("States.Runtime", "The parameters of aws-sdk:s3:" + action + " need a string '" + field + "' but were "
                    + LocalJson.write(parameters));
        }
        return value.textValue();
    }

    private static String optional(JsonNode parameters, String field) {
        JsonNode value = parameters.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Timestamps as the aws-sdk integration serializes the SDK's Instants: ISO-8601 UTC. */
    private static String timestamp(Instant instant) {
        return instant.toString();
    }

    /**
     * The SDK for Java v2's exception, named as Step Functions names it ({@code S3.} + the error code + {@code Exception}).
     * HEAD responses carry no error document, so their message is {@code null}, as in the SDK.
     */
    private static StatesError failure(S3Exception e, boolean head) {
        String name = e.code().endsWith("Exception") ? e.code() : e.code() + "Exception";
        String message = head ? "null" : e.getMessage();
        return new StatesError("S3." + name, message + " (Service: S3, Status Code: " + e.status() + ", Request ID: " + requestId()
                + ", Extended Request ID: " + extendedRequestId() + ")");
    }

    private static String requestId() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(8));
    }

    private static String extendedRequestId() {
        return java.util.Base64.getEncoder().encodeToString(randomBytes(48));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
