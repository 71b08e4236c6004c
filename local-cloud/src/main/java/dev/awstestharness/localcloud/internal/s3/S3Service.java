package dev.awstestharness.localcloud.internal.s3;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The local S3: buckets and their objects in memory, with S3's rules and errors. The HTTP front is {@link S3Route};
 * the Step Functions {@code aws-sdk:s3} integration calls this class directly. Thread-safe.
 */
public final class S3Service {
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final String LEGACY_REGION = "us-east-1";
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private final String region;
    private final Clock clock;
    private final Map<String, S3Bucket> buckets = new ConcurrentHashMap<>();

    public S3Service(String region) {
        this(region, Clock.systemUTC());
    }

    S3Service(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
    }

    /** The region buckets are created in when the request names none. */
    public String region() {
        return region;
    }

    /**
     * Creates a bucket in {@code locationConstraint} (the service's region when {@code null}). Creating a bucket one
     * already owns succeeds again in us-east-1, S3's legacy behaviour, and fails with BucketAlreadyOwnedByYou elsewhere.
     */
    public S3Bucket createBucket(String name, String locationConstraint) {
        if (name.length() < 3 || name.length() > 63 || !BUCKET_NAME.matcher(name).matches() || name.contains("..")
                || IP_ADDRESS.matcher(name).matches() || RESERVED_PREFIXES.stream().anyMatch(name::startsWith)
                || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            throw S3Errors.invalidBucketName(name);
        }
        String bucketRegion = locationConstraint == null || locationConstraint.isEmpty() ? region : locationConstraint;
        S3Bucket created = new S3Bucket(name, bucketRegion, now());
        S3Bucket existing = buckets.putIfAbsent(name, created);
        if (existing == null) return created;
        if (existing.region().equals(LEGACY_REGION)) return existing;
        throw S3Errors.bucketAlreadyOwnedByYou(name);
    }

    public S3Bucket bucket(String name) {
        S3Bucket bucket = buckets.get(name);
        if (bucket == null) throw S3Errors.noSuchBucket(name);
        return bucket;
    }

    public void deleteBucket(String name) {
        S3Bucket bucket = bucket(name);
        synchronized (bucket) {
            if (!bucket.objects.isEmpty()) throw S3Errors.bucketNotEmpty(name);
            buckets.remove(name, bucket);
        }
    }

    /** All buckets by name. */
    public List<S3Bucket> buckets() {
        List<S3Bucket> all = new ArrayList<>(buckets.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    public StoredObject putObject(String bucketName, String key, ObjectWrite write) {
        checkKey(key);
        S3Bucket bucket = bucket(bucketName);
        synchronized (bucket) {
            if (buckets.get(bucketName) != bucket) throw S3Errors.noSuchBucket(bucketName);
            StoredObject existing = bucket.objects.get(key);
            if (write.ifNoneMatch() != null && existing != null) throw S3Errors.preconditionFailed("If-None-Match");
            if (write.ifMatch() != null) {
                if (existing == null) throw S3Errors.noSuchKey(key);
                if (!Preconditions.etagMatches(write.ifMatch(), existing.etag())) throw S3Errors.preconditionFailed("If-Match");
            }
            ChecksumAlgorithm algorithm = write.checksumAlgorithm() != null ? write.checksumAlgorithm() : ChecksumAlgorithm.CRC64NVME;
            StoredObject object = new StoredObject(key, write.content(), etag(write.content()), now(),
                    write.contentType() == null ? StoredObject.DEFAULT_CONTENT_TYPE : write.contentType(), write.metadata(), write.headers(),
                    algorithm, algorithm.compute(write.content()));
            bucket.objects.put(key, object);
            return object;
        }
    }

    public StoredObject getObject(String bucketName, String key) {
        StoredObject object = bucket(bucketName).objects.get(key);
        if (object == null) throw S3Errors.noSuchKey(key);
        return object;
    }

    /** Deletes an object; deleting a key that does not exist succeeds, as in S3. */
    public void deleteObject(String bucketName, String key) {
        bucket(bucketName).objects.remove(key);
    }

    /**
     * Copies an object. With {@code replacement} {@code null} (the COPY directive) the copy keeps the source's
     * content type, metadata and headers; otherwise it takes the replacement's.
     */
    public StoredObject copyObject(String sourceBucket, String sourceKey, String bucketName, String key, ObjectWrite replacement) {
        StoredObject source = getObject(sourceBucket, sourceKey);
        if (replacement == null && sourceBucket.equals(bucketName) && sourceKey.equals(key)) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to itself without changing the "
                    + "object's metadata, storage class, website redirect location or encryption attributes.");
        }
        ObjectWrite write = replacement == null
                ? new ObjectWrite(source.content(), source.contentType(), source.metadata(), source.headers(), source.checksumAlgorithm(), null, null)
                : new ObjectWrite(source.content(), replacement.contentType(), replacement.metadata(), replacement.headers(),
                        replacement.checksumAlgorithm() != null ? replacement.checksumAlgorithm() : source.checksumAlgorithm(), null, null);
        return putObject(bucketName, key, write);
    }

    /** A page of the bucket's keys, as ListObjectsV2 and ListObjects page them. */
    public ObjectListing list(String bucketName, ListRequest request) {
        S3Bucket bucket = bucket(bucketName);
        String prefix = request.prefix();
        String delimiter = request.delimiter();
        String after = request.after();
        Map<String, StoredObject> candidates = after == null || S3Bucket.KEY_ORDER.compare(after, prefix) < 0
                ? bucket.objects.tailMap(prefix, true)
                : bucket.objects.tailMap(after, false);
        // A page that ended on a common prefix resumes after every key rolled up into it.
        String skipUnder = after != null && delimiter != null && after.length() > prefix.length() && after.startsWith(prefix)
                && after.endsWith(delimiter) ? after : null;
        List<StoredObject> contents = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String last = null;
        for (StoredObject object : candidates.values()) {
            String key = object.key();
            if (!key.startsWith(prefix)) break;
            if (skipUnder != null && key.startsWith(skipUnder)) continue;
            String rollup = null;
            if (delimiter != null) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) rollup = key.substring(0, at + delimiter.length());
            }
            if (rollup != null && rollup.equals(last)) continue;
            if (contents.size() + commonPrefixes.size() >= request.maxKeys()) {
                return new ObjectListing(contents, commonPrefixes, request.maxKeys() > 0, request.maxKeys() > 0 ? last : null);
            }
            if (rollup != null) {
                commonPrefixes.add(rollup);
                last = rollup;
            } else {
                contents.add(object);
                last = key;
            }
        }
        return new ObjectListing(contents, commonPrefixes, false, null);
    }

    private static void checkKey(String key) {
        int size = key.getBytes(StandardCharsets.UTF_8).length;
        if (size > S3Errors.MAX_KEY_BYTES) throw S3Errors.keyTooLong(size);
        if (key.isEmpty()) throw S3Errors.invalidArgument("Object keys must not be empty", "key", key);
    }

    static String etag(byte[] content) {
        return "\"" + HexFormat.of().formatHex(ChecksumAlgorithm.digest("MD5", content)) + "\"";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
