package dev.awstestharness.localcloud.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The parts of S3's wire format the SDK tests cannot reach: unsigned aws-chunked trailers, CRC64NVME, ranges. */
class WireFormatTest {
    @Test
    void anUnsignedAwsChunkedBodyWithATrailingChecksumDecodes() {
        String body = "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n";

        AwsChunkedBody decoded = AwsChunkedBody.decode(body.getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(decoded.content(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(decoded.trailers()).containsEntry("x-amz-checksum-crc32", "DUoRhQ==");
        assertThat(ChecksumAlgorithm.CRC32.compute("hello world".getBytes(StandardCharsets.US_ASCII))).isEqualTo("DUoRhQ==");
    }

    @Test
    void aTruncatedChunkIsAnIncompleteBody() {
        assertThatThrownBy(() -> AwsChunkedBody.decode("a\r\nshort\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
    }

    @Test
    void crc64NvmeMatchesTheStandardCheckValue() {
        String value = ChecksumAlgorithm.CRC64NVME.compute("123456789".getBytes(StandardCharsets.US_ASCII));

        assertThat(ByteBuffer.wrap(Base64.getDecoder().decode(value)).getLong()).isEqualTo(0xae8b14860a799888L);
    }

    @Test
    void rangesS3DoesNotUnderstandSendTheWholeObject() {
        assertThat(ByteRange.parse("bytes=0-1,4-5", 10)).isNull();
        assertThat(ByteRange.parse("items=0-1", 10)).isNull();
        assertThat(ByteRange.parse("bytes=5-2", 10)).isNull();
        assertThat(ByteRange.parse("bytes=2-4", 10)).isEqualTo(new ByteRange(2, 4));
    }
}
