package dev.awstestharness.localcloud.internal.s3;

import dev.awstestharness.localcloud.internal.http.HttpRequest;
import dev.awstestharness.localcloud.internal.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The object-level operations over HTTP: PutObject, GetObject, HeadObject, DeleteObject and CopyObject. */
final class ObjectOperations {
    private static final Map<String, String> RESPONSE_OVERRIDES = Map.of("response-content-type", "Content-Type",
            "response-content-language", "Content-Language", "response-expires", "Expires", "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition", "response-content-encoding", "Content-Encoding");

    private final S3Service s3;

    ObjectOperations(S3Service s3) {
        this.s3 = s3;
    }

    HttpResponse putObject(HttpRequest request, S3Target target) {
        s3.bucket(target.bucket());
        ObjectWrite write = UploadReader.read(request);
        StoredObject stored = s3.putObject(target.bucket(), target.key(), write);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", stored.etag());
        headers.put("x-amz-server-side-encryption", "AES256");
        if (write.checksumAlgorithm() != null) {
            headers.put(stored.checksumAlgorithm().header(), stored.checksum());
            headers.put("x-amz-checksum-type", "FULL_OBJECT");
        }
        return new HttpResponse(200, headers, new byte[0]);
    }

    HttpResponse getObject(HttpRequest request, S3Target target, boolean withBody) {
        StoredObject object = s3.getObject(target.bucket(), target.key());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", S3Xml.http(object.lastModified()));
        boolean send = Preconditions.check(object, request.header("If-Match"), request.header("If-Unmodified-Since"),
                request.header("If-None-Match"), request.header("If-Modified-Since"), "");
        if (!send) return new HttpResponse(304, headers, new byte[0]);

        ByteRange range = ByteRange.parse(request.header("Range"), object.size());
        headers.put("Accept-Ranges", "bytes");
        headers.put("Content-Type", object.contentType());
        headers.putAll(object.headers());
        object.metadata().forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        headers.put("x-amz-server-side-encryption", "AES256");
        if (range == null && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
            headers.put(object.checksumAlgorithm().header(), object.checksum());
            headers.put("x-amz-checksum-type", "FULL_OBJECT");
        }
        RESPONSE_OVERRIDES.forEach((parameter, header) -> {
            String value = target.param(parameter);
            if (value != null) headers.put(header, value);
        });
        byte[] body = object.content();
        int status = 200;
        if (range != null) {
            status = 206;
            headers.put("Content-Range", range.contentRange(object.size()));
            body = Arrays.copyOfRange(body, (int) range.first(), (int) range.last() + 1);
        }
        if (!withBody) {
            headers.put("Content-Length", Integer.toString(body.length));
            return new HttpResponse(status, headers, new byte[0]);
        }
        return new HttpResponse(status, headers, body);
    }

    HttpResponse deleteObject(S3Target target) {
        s3.deleteObject(target.bucket(), target.key());
        return new HttpResponse(204, Map.of(), new byte[0]);
    }

    HttpResponse copyObject(HttpRequest request, S3Target target) {
        String[] source = copySource(request.header("x-amz-copy-source"));
        String directive = request.header("x-amz-metadata-directive");
        String normalized = directive == null ? "COPY" : directive.trim().toUpperCase(Locale.ROOT);
        if (!normalized.equals("COPY") && !normalized.equals("REPLACE")) {
            throw S3Errors.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        StoredObject original = s3.getObject(source[0], source[1]);
        String prefix = "x-amz-copy-source-";
        boolean notModified = !Preconditions.check(original, request.header(prefix + "if-match"), request.header(prefix + "if-unmodified-since"),
                request.header(prefix + "if-none-match"), request.header(prefix + "if-modified-since"), prefix);
        if (notModified) {
            throw S3Errors.preconditionFailed(request.header(prefix + "if-none-match") != null ? prefix + "If-None-Match" : prefix + "If-Modified-Since");
        }
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(request.header("x-amz-checksum-algorithm")).orElse(null);
        ObjectWrite replacement = normalized.equals("REPLACE")
                ? new ObjectWrite(null, request.header("Content-Type"), UploadReader.metadata(request), UploadReader.representationHeaders(request),
                        algorithm, null, null)
                : null;
        StoredObject copy = s3.copyObject(source[0], source[1], target.bucket(), target.key(), replacement);
        S3Xml xml = S3Xml.document("CopyObjectResult").element("LastModified", S3Xml.iso(copy.lastModified())).element("ETag", copy.etag())
                .element(copy.checksumAlgorithm().member(), copy.checksum()).element("ChecksumType", "FULL_OBJECT");
        HttpResponse response = BucketOperations.xml(200, xml.finish("CopyObjectResult"));
        return response.withHeaders(Map.of("x-amz-server-side-encryption", "AES256"));
    }

    /** The bucket and key of an {@code x-amz-copy-source} header: {@code [/]BUCKET/KEY[?versionId=...]}, URL-encoded. */
    private static String[] copySource(String header) {
        String value = header.trim();
        int version = value.indexOf("?versionId=");
        if (version >= 0) value = value.substring(0, version);
        value = S3Target.decodePath(value);
        if (value.startsWith("/")) value = value.substring(1);
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey", "x-amz-copy-source", header);
        }
        return new String[] {value.substring(0, slash), value.substring(slash + 1)};
    }
}
