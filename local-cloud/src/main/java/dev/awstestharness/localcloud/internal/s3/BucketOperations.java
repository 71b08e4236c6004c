package dev.awstestharness.localcloud.internal.s3;

import dev.awstestharness.localcloud.internal.http.HttpRequest;
import dev.awstestharness.localcloud.internal.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.w3c.dom.Element;

/** The service- and bucket-level operations over HTTP: buckets, listings and DeleteObjects. */
final class BucketOperations {
    /** The canonical user id of the local account's owner. */
    static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    static final String OWNER_NAME = "local";
    private static final int MAX_DELETE_KEYS = 1000;

    private final S3Service s3;

    BucketOperations(S3Service s3) {
        this.s3 = s3;
    }

    HttpResponse listBuckets(S3Target target) {
        String prefix = target.param("prefix");
        String region = target.param("bucket-region");
        S3Xml xml = S3Xml.document("ListAllMyBucketsResult");
        owner(xml);
        xml.open("Buckets");
        for (S3Bucket bucket : s3.buckets()) {
            if (prefix != null && !bucket.name().startsWith(prefix)) continue;
            if (region != null && !bucket.region().equals(region)) continue;
            xml.open("Bucket").element("Name", bucket.name()).element("CreationDate", S3Xml.iso(bucket.creationDate()))
                    .element("BucketRegion", bucket.region()).close("Bucket");
        }
        xml.close("Buckets").element("Prefix", prefix);
        return xml(200, xml.finish("ListAllMyBucketsResult"));
    }

    HttpResponse createBucket(HttpRequest request, S3Target target) {
        String locationConstraint = null;
        if (request.body().length > 0 && !request.bodyText().isBlank()) {
            Element configuration = S3Xml.parse(request.body());
            if (!S3Xml.localName(configuration).equals("CreateBucketConfiguration")) throw S3Errors.malformedXml();
            locationConstraint = S3Xml.childText(configuration, "LocationConstraint");
        }
        s3.createBucket(target.bucket(), locationConstraint);
        return new HttpResponse(200, Map.of("Location", "/" + target.bucket()), new byte[0]);
    }

    HttpResponse headBucket(S3Target target) {
        S3Bucket bucket = s3.bucket(target.bucket());
        return new HttpResponse(200, Map.of("x-amz-bucket-region", bucket.region(), "x-amz-access-point-alias", "false"), new byte[0]);
    }

    HttpResponse deleteBucket(S3Target target) {
        s3.deleteBucket(target.bucket());
        return new HttpResponse(204, Map.of(), new byte[0]);
    }

    HttpResponse location(S3Target target) {
        S3Bucket bucket = s3.bucket(target.bucket());
        // S3 answers an empty constraint for us-east-1, its original region.
        String constraint = bucket.region().equals("us-east-1") ? "" : bucket.region();
        return xml(200, S3Xml.document("LocationConstraint").finishWithText(constraint));
    }

    HttpResponse listObjects(S3Target target) {
        boolean v2 = target.has("list-type");
        if (v2 && !"2".equals(target.param("list-type"))) {
            throw S3Errors.invalidArgument("Invalid List Type specified in Request", "list-type", target.param("list-type"));
        }
        String encodingType = target.param("encoding-type");
        if (encodingType != null && !encodingType.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        }
        UnaryOperator<String> encode = encodingType == null ? UnaryOperator.identity() : value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        int maxKeys = maxKeys(target.param("max-keys"));
        String prefix = target.param("prefix") == null ? "" : target.param("prefix");
        String delimiter = target.param("delimiter");
        String token = target.param("continuation-token");
        String after = v2 ? (token != null ? ContinuationTokens.decode(token) : target.param("start-after")) : target.param("marker");
        ObjectListing listing = s3.list(target.bucket(), new ListRequest(prefix, delimiter, Math.min(maxKeys, ListRequest.MAX_KEYS), after));

        S3Xml xml = S3Xml.document("ListBucketResult").element("Name", target.bucket()).element("Prefix", encode.apply(prefix));
        if (!v2) {
            xml.element("Marker", encode.apply(after == null ? "" : after));
            if (listing.truncated() && delimiter != null) xml.element("NextMarker", encode.apply(listing.next()));
        }
        xml.element("MaxKeys", maxKeys);
        if (delimiter != null) xml.element("Delimiter", encode.apply(delimiter));
        xml.element("IsTruncated", listing.truncated());
        if (v2) {
            xml.element("KeyCount", listing.keyCount());
            if (token != null) xml.element("ContinuationToken", token);
            if (listing.truncated()) xml.element("NextContinuationToken", ContinuationTokens.encode(listing.next()));
            if (token == null && target.param("start-after") != null) xml.element("StartAfter", encode.apply(target.param("start-after")));
        }
        if (encodingType != null) xml.element("EncodingType", encodingType);
        boolean owner = !v2 || "true".equals(target.param("fetch-owner"));
        for (StoredObject object : listing.contents()) {
            xml.open("Contents").element("Key", encode.apply(object.key())).element("LastModified", S3Xml.iso(object.lastModified()))
                    .element("ETag", object.etag()).element("ChecksumAlgorithm", object.checksumAlgorithm().name())
                    .element("ChecksumType", "FULL_OBJECT").element("Size", object.size());
            if (owner) owner(xml);
            xml.element("StorageClass", "STANDARD").close("Contents");
        }
        for (String commonPrefix : listing.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", encode.apply(commonPrefix)).close("CommonPrefixes");
        }
        return xml(200, xml.finish("ListBucketResult"));
    }

    HttpResponse deleteObjects(HttpRequest request, S3Target target) {
        s3.bucket(target.bucket());
        Element delete = S3Xml.parse(request.body());
        if (!S3Xml.localName(delete).equals("Delete")) throw S3Errors.malformedXml();
        List<String> keys = new ArrayList<>();
        for (Element object : S3Xml.children(delete, "Object")) {
            String key = S3Xml.childText(object, "Key");
            if (key == null) throw S3Errors.malformedXml();
            keys.add(key);
        }
        if (keys.isEmpty() || keys.size() > MAX_DELETE_KEYS) throw S3Errors.malformedXml();
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(S3Xml.childText(delete, "Quiet")).trim());
        S3Xml xml = S3Xml.document("DeleteResult");
        for (String key : keys) {
            s3.deleteObject(target.bucket(), key);
            if (!quiet) xml.open("Deleted").element("Key", key).close("Deleted");
        }
        return xml(200, xml.finish("DeleteResult"));
    }

    private static int maxKeys(String value) {
        if (value == null) return ListRequest.MAX_KEYS;
        int maxKeys;
        try {
            maxKeys = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", value);
        }
        if (maxKeys < 0) throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647", "maxKeys", value);
        return maxKeys;
    }

    private static void owner(S3Xml xml) {
        xml.open("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_NAME).close("Owner");
    }

    static HttpResponse xml(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        return new HttpResponse(status, headers, body);
    }
}
