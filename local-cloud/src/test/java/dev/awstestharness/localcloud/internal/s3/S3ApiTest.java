package dev.awstestharness.localcloud.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awstestharness.localcloud.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.SfnClient;

/** S3 through the AWS SDK for Java v2's S3 client (path-style, default checksums and aws-chunked uploads). */
class S3ApiTest {
    static LocalCloud cloud;
    static S3Client s3;

    String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        s3 = S3Clients.client(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        s3.close();
        cloud.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "bucket-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
    }

    private void put(String key, String content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    private String get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }

    static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    @Nested
    class Buckets {
        @Test
        void aCreatedBucketCanBeHeadedAndIsListed() {
            assertThat(s3.headBucket(r -> r.bucket(bucket)).bucketRegion()).isEqualTo("us-east-1");
            assertThat(s3.listBuckets().buckets()).anySatisfy(listed -> {
                assertThat(listed.name()).isEqualTo(bucket);
                assertThat(listed.creationDate()).isNotNull();
            });
        }

        @Test
        void creatingABucketAgainSucceedsInUsEast1AsS3sLegacyBehaviour() {
            s3.createBucket(r -> r.bucket(bucket));

            assertThat(s3.headBucket(r -> r.bucket(bucket)).sdkHttpResponse().statusCode()).isEqualTo(200);
        }

        @Test
        void creatingABucketAgainInAnotherRegionFailsWithBucketAlreadyOwnedByYou() {
            String name = bucket + "-eu";
            s3.createBucket(r -> r.bucket(name).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

            assertThatThrownBy(() -> s3.createBucket(r -> r.bucket(name).createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))))
                    .isInstanceOf(BucketAlreadyOwnedByYouException.class)
                    .hasMessageStartingWith("Your previous request to create the named bucket succeeded and you already own it.");
            assertThat(s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString()).isEqualTo("eu-west-1");
            assertThat(s3.getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString()).isEmpty();
        }

        @Test
        void anInvalidBucketNameIsRejected() {
            S3Exception e = catchThrowableOfType(() -> s3.createBucket(r -> r.bucket("xn--reserved-prefix")), S3Exception.class);

            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket is not valid.");
        }

        @Test
        void headingAMissingBucketFailsWithNoSuchBucket() {
            assertThatThrownBy(() -> s3.headBucket(r -> r.bucket("no-such-bucket-here")))
                    .isInstanceOf(NoSuchBucketException.class);
        }

        @Test
        void aBucketWithObjectsCannotBeDeleted() {
            put("k", "v");

            S3Exception e = catchThrowableOfType(() -> s3.deleteBucket(r -> r.bucket(bucket)), S3Exception.class);

            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket you tried to delete is not empty");
        }

        @Test
        void anEmptyBucketIsDeletedAndThenMissing() {
            s3.deleteBucket(r -> r.bucket(bucket));

            assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(bucket))).isInstanceOf(NoSuchBucketException.class);
            assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket(bucket)))
                    .isInstanceOf(NoSuchBucketException.class)
                    .hasMessageStartingWith("The specified bucket does not exist");
        }
    }

    @Nested
    class PutAndGet {
        @Test
        void anObjectComesBackWithItsContentTypeMetadataAndMd5ETag() throws Exception {
            PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("docs/hello.txt").contentType("text/plain")
                    .metadata(Map.of("Owner", "team-a", "purpose", "greeting")), RequestBody.fromString("hello world"));

            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("docs/hello.txt"));

            String etag = "\"" + md5("hello world".getBytes(StandardCharsets.UTF_8)) + "\"";
            assertThat(put.eTag()).isEqualTo(etag);
            assertThat(got.asUtf8String()).isEqualTo("hello world");
            assertThat(got.response().eTag()).isEqualTo(etag);
            assertThat(got.response().contentType()).isEqualTo("text/plain");
            assertThat(got.response().contentLength()).isEqualTo(11);
            assertThat(got.response().metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "team-a", "purpose", "greeting"));
            assertThat(got.response().lastModified()).isNotNull();
        }

        @Test
        void aLargeUploadInManyAwsChunksArrivesIntact() throws Exception {
            byte[] content = new byte[3 * 1024 * 1024 + 17];
            new Random(7).nextBytes(content);

            PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("big.bin"), RequestBody.fromBytes(content));

            byte[] got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("big.bin")).asByteArray();
            assertThat(got).isEqualTo(content);
            assertThat(put.eTag()).isEqualTo("\"" + md5(content) + "\"");
        }

        @Test
        void theSdksDefaultCrc32ChecksumIsVerifiedStoredAndReturned() {
            PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("sum"), RequestBody.fromString("checksummed"));

            GetObjectResponse got = s3.getObject(r -> r.bucket(bucket).key("sum").checksumMode(ChecksumMode.ENABLED)).response();

            assertThat(put.checksumCRC32()).isNotNull();
            assertThat(got.checksumCRC32()).isEqualTo(put.checksumCRC32());
        }

        @Test
        void otherChecksumAlgorithmsAreVerifiedToo() {
            for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
                s3.putObject(r -> r.bucket(bucket).key(algorithm.toString()).checksumAlgorithm(algorithm), RequestBody.fromString("x" + algorithm));

                assertThat(get(algorithm.toString())).isEqualTo("x" + algorithm);
            }
        }

        @Test
        void aWrongChecksumFailsWithBadDigest() {
            S3Exception e = catchThrowableOfType(() -> s3.putObject(r -> r.bucket(bucket).key("bad").checksumCRC32("AAAAAA=="),
                    RequestBody.fromString("content")), S3Exception.class);

            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The CRC32 you specified did not match the calculated checksum.");
        }

        @Test
        void keysWithSpacesPlusSignsAndUnicodeRoundTrip() {
            String key = "dir one/a+b=c & d/ünïcødé 😀.txt";
            put(key, "odd");

            assertThat(get(key)).isEqualTo("odd");
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly(key);
        }

        @Test
        void aMissingKeyFailsWithNoSuchKeyInS3sXmlShape() {
            NoSuchKeyException e = catchThrowableOfType(() -> get("missing/key"), NoSuchKeyException.class);

            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
            assertThat(e.requestId()).matches("[0-9A-F]{16}");
            assertThat(e.awsErrorDetails().rawResponse().asUtf8String())
                    .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                            + "<Message>The specified key does not exist.</Message><Key>missing/key</Key><RequestId>" + e.requestId() + "</RequestId>");
        }

        @Test
        void aMissingBucketFailsWithNoSuchBucket() {
            NoSuchBucketException e = catchThrowableOfType(
                    () -> s3.getObjectAsBytes(r -> r.bucket("no-such-bucket-here").key("k")), NoSuchBucketException.class);

            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
            assertThat(e.awsErrorDetails().rawResponse().asUtf8String()).contains("<BucketName>no-such-bucket-here</BucketName>");
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("no-such-bucket-here").key("k"), RequestBody.fromString("v")))
                    .isInstanceOf(NoSuchBucketException.class);
        }

        @Test
        void aConditionalWriteDoesNotReplaceAnExistingObject() {
            put("once", "first");

            S3Exception e = catchThrowableOfType(() -> s3.putObject(r -> r.bucket(bucket).key("once").ifNoneMatch("*"),
                    RequestBody.fromString("second")), S3Exception.class);

            assertThat(e.statusCode()).isEqualTo(412);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
            assertThat(get("once")).isEqualTo("first");
        }
    }

    @Nested
    class Ranges {
        @BeforeEach
        void putDigits() {
            put("digits", "0123456789");
        }

        @Test
        void aClosedRangeIsPartialContent() {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").range("bytes=2-5"));

            assertThat(got.asUtf8String()).isEqualTo("2345");
            assertThat(got.response().contentRange()).isEqualTo("bytes 2-5/10");
            assertThat(got.response().contentLength()).isEqualTo(4);
            assertThat(got.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        }

        @Test
        void openAndSuffixRangesAreClampedToTheObject() {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").range("bytes=7-")).asUtf8String()).isEqualTo("789");
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").range("bytes=-3")).asUtf8String()).isEqualTo("789");
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").range("bytes=8-100")).asUtf8String()).isEqualTo("89");
        }

        @Test
        void aRangeBeyondTheObjectFailsWithInvalidRange() {
            S3Exception e = catchThrowableOfType(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").range("bytes=10-20")),
                    S3Exception.class);

            assertThat(e.statusCode()).isEqualTo(416);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The requested range is not satisfiable");
        }

        @Test
        void ifNoneMatchWithTheCurrentETagIsNotModifiedAndIfMatchWithAnotherFails() {
            String etag = s3.headObject(r -> r.bucket(bucket).key("digits")).eTag();

            S3Exception notModified = catchThrowableOfType(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").ifNoneMatch(etag)),
                    S3Exception.class);
            S3Exception failed = catchThrowableOfType(() -> s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").ifMatch("\"other\"")),
                    S3Exception.class);

            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(failed.statusCode()).isEqualTo(412);
            assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("digits").ifMatch(etag)).asUtf8String()).isEqualTo("0123456789");
        }
    }

    @Nested
    class HeadAndDelete {
        @Test
        void headObjectDescribesWithoutContent() {
            s3.putObject(r -> r.bucket(bucket).key("h").contentType("application/json").metadata(Map.of("a", "1")), RequestBody.fromString("{}"));

            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("h"));

            assertThat(head.contentLength()).isEqualTo(2);
            assertThat(head.contentType()).isEqualTo("application/json");
            assertThat(head.metadata()).containsEntry("a", "1");
            assertThat(head.acceptRanges()).isEqualTo("bytes");
        }

        @Test
        void headingAMissingObjectFailsWithNoSuchKey() {
            assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("nothing"))).isInstanceOf(NoSuchKeyException.class);
        }

        @Test
        void aDeletedObjectIsGoneAndDeletingAMissingKeySucceeds() {
            put("d", "x");

            s3.deleteObject(r -> r.bucket(bucket).key("d"));
            s3.deleteObject(r -> r.bucket(bucket).key("never-there"));

            assertThatThrownBy(() -> get("d")).isInstanceOf(NoSuchKeyException.class);
        }

        @Test
        void deleteObjectsReportsEachDeletedKeyUnlessQuiet() {
            put("a", "1");
            put("b", "2");
            put("c", "3");

            DeleteObjectsResponse loud = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(
                    ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("missing").build())));
            DeleteObjectsResponse quiet = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.quiet(true).objects(
                    ObjectIdentifier.builder().key("b").build())));

            assertThat(loud.deleted()).extracting(deleted -> deleted.key()).containsExactly("a", "missing");
            assertThat(quiet.deleted()).isEmpty();
            assertThat(quiet.errors()).isEmpty();
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key).containsExactly("c");
        }
    }

    @Nested
    class Listing {
        @BeforeEach
        void putTree() {
            for (String key : List.of("a.txt", "photos/2023/jan.jpg", "photos/2023/feb.jpg", "photos/2024/mar.jpg", "photos/index.html",
                    "videos/v.mp4", "z.txt")) {
                put(key, key);
            }
        }

        @Test
        void listsEveryKeyInOrderWithSizeAndETag() throws Exception {
            ListObjectsV2Response listed = s3.listObjectsV2(r -> r.bucket(bucket));

            assertThat(listed.contents()).extracting(S3Object::key).containsExactly("a.txt", "photos/2023/feb.jpg", "photos/2023/jan.jpg",
                    "photos/2024/mar.jpg", "photos/index.html", "videos/v.mp4", "z.txt");
            assertThat(listed.keyCount()).isEqualTo(7);
            assertThat(listed.isTruncated()).isFalse();
            S3Object first = listed.contents().get(0);
            assertThat(first.size()).isEqualTo(5);
            assertThat(first.eTag()).isEqualTo("\"" + md5("a.txt".getBytes(StandardCharsets.UTF_8)) + "\"");
            assertThat(first.storageClassAsString()).isEqualTo("STANDARD");
        }

        @Test
        void aDelimiterRollsKeysUpIntoCommonPrefixes() {
            ListObjectsV2Response top = s3.listObjectsV2(r -> r.bucket(bucket).delimiter("/"));
            ListObjectsV2Response photos = s3.listObjectsV2(r -> r.bucket(bucket).prefix("photos/").delimiter("/"));

            assertThat(top.contents()).extracting(S3Object::key).containsExactly("a.txt", "z.txt");
            assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/", "videos/");
            assertThat(top.keyCount()).isEqualTo(4);
            assertThat(photos.contents()).extracting(S3Object::key).containsExactly("photos/index.html");
            assertThat(photos.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/2023/", "photos/2024/");
        }

        @Test
        void maxKeysPagesWithContinuationTokens() {
            List<String> keys = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            int pages = 0;
            String token = null;
            do {
                String current = token;
                ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).delimiter("/").maxKeys(1).continuationToken(current));
                assertThat(page.keyCount()).isEqualTo(1);
                page.contents().forEach(object -> keys.add(object.key()));
                page.commonPrefixes().forEach(prefix -> prefixes.add(prefix.prefix()));
                token = page.isTruncated() ? page.nextContinuationToken() : null;
                pages++;
            } while (token != null);

            assertThat(pages).isEqualTo(4);
            assertThat(keys).containsExactly("a.txt", "z.txt");
            assertThat(prefixes).containsExactly("photos/", "videos/");
        }

        @Test
        void theSdkPaginatorVisitsEveryKey() {
            List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket(bucket).maxKeys(2)).contents().stream().map(S3Object::key).toList();

            assertThat(keys).hasSize(7).startsWith("a.txt").endsWith("z.txt");
        }

        @Test
        void startAfterSkipsTheKeysUpToIt() {
            ListObjectsV2Response listed = s3.listObjectsV2(r -> r.bucket(bucket).startAfter("photos/index.html"));

            assertThat(listed.contents()).extracting(S3Object::key).containsExactly("videos/v.mp4", "z.txt");
            assertThat(listed.startAfter()).isEqualTo("photos/index.html");
        }

        @Test
        void listingAMissingBucketFailsWithNoSuchBucket() {
            assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("no-such-bucket-here"))).isInstanceOf(NoSuchBucketException.class);
        }

        @Test
        void theVersionOneListingPagesWithMarkers() {
            var first = s3.listObjects(r -> r.bucket(bucket).delimiter("/").maxKeys(3));
            var second = s3.listObjects(r -> r.bucket(bucket).delimiter("/").maxKeys(3).marker(first.nextMarker()));

            assertThat(first.isTruncated()).isTrue();
            assertThat(first.nextMarker()).isEqualTo("videos/");
            assertThat(second.contents()).extracting(S3Object::key).containsExactly("z.txt");
            assertThat(second.isTruncated()).isFalse();
        }
    }

    @Nested
    class Copy {
        @BeforeEach
        void putSource() {
            s3.putObject(r -> r.bucket(bucket).key("src").contentType("text/csv").metadata(Map.of("origin", "upload")),
                    RequestBody.fromString("a,b"));
        }

        @Test
        void copyKeepsContentAndMetadataByDefault() {
            CopyObjectResponse copied = s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst"));

            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("dst"));
            assertThat(get("dst")).isEqualTo("a,b");
            assertThat(head.contentType()).isEqualTo("text/csv");
            assertThat(head.metadata()).containsEntry("origin", "upload");
            assertThat(copied.copyObjectResult().eTag()).isEqualTo(head.eTag());
        }

        @Test
        void theReplaceDirectiveTakesTheRequestsMetadata() {
            s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("dst")
                    .metadataDirective(MetadataDirective.REPLACE).contentType("text/plain").metadata(Map.of("origin", "copy")));

            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("dst"));
            assertThat(head.contentType()).isEqualTo("text/plain");
            assertThat(head.metadata()).containsExactly(Map.entry("origin", "copy"));
        }

        @Test
        void copyingAMissingSourceFailsWithNoSuchKey() {
            assertThatThrownBy(() -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("nope").destinationBucket(bucket).destinationKey("x")))
                    .isInstanceOf(NoSuchKeyException.class);
        }

        @Test
        void copyingAnObjectOntoItselfWithoutChangesIsRejected() {
            S3Exception e = catchThrowableOfType(() -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                    .destinationKey("src")), S3Exception.class);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        }
    }

    @Nested
    class Routing {
        @Test
        void theJsonServicesStillGetTheirPostRequestsBesideS3() {
            try (SfnClient sfn = SfnClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
                assertThat(sfn.listStateMachines().stateMachines()).isNotNull();
            }
        }

        @Test
        void anUnsupportedSubresourceFailsWithNotImplemented() {
            put("t", "x");

            S3Exception e = catchThrowableOfType(() -> s3.getObjectTagging(r -> r.bucket(bucket).key("t")), S3Exception.class);

            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage()).contains("GET ?tagging on an object");
        }
    }
}
