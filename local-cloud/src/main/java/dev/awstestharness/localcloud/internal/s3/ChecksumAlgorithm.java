package dev.awstestharness.localcloud.internal.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The additional checksums of S3 objects, computed as S3 computes them: the big-endian checksum value, base64-encoded.
 * S3 gives every new object a CRC64NVME checksum when the upload names none.
 */
public enum ChecksumAlgorithm {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    private static final long[] CRC64_NVME_TABLE = crc64NvmeTable();

    /** The request and response header, e.g. {@code x-amz-checksum-crc32}. */
    public String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** The member name in XML and aws-sdk JSON, e.g. {@code ChecksumCRC32}. */
    public String member() {
        return "Checksum" + name();
    }

    public String compute(byte[] content) {
        byte[] value = switch (this) {
            case CRC32 -> crc(new CRC32(), content);
            case CRC32C -> crc(new CRC32C(), content);
            case CRC64NVME -> ByteBuffer.allocate(8).putLong(crc64Nvme(content)).array();
            case SHA1 -> digest("SHA-1", content);
            case SHA256 -> digest("SHA-256", content);
        };
        return Base64.getEncoder().encodeToString(value);
    }

    /** The algorithm a header or {@code x-amz-sdk-checksum-algorithm} value names, ignoring case. */
    public static Optional<ChecksumAlgorithm> named(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        if (wanted.startsWith("X-AMZ-CHECKSUM-")) wanted = wanted.substring("X-AMZ-CHECKSUM-".length());
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.name().equals(wanted)) return Optional.of(algorithm);
        }
        return Optional.empty();
    }

    private static byte[] crc(Checksum checksum, byte[] content) {
        checksum.update(content, 0, content.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }

    static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static long crc64Nvme(byte[] content) {
        long crc = -1L;
        for (byte b : content) {
            crc = CRC64_NVME_TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
        }
        return ~crc;
    }

    private static long[] crc64NvmeTable() {
        long polynomial = 0x9a6c9329ac4bc9b5L; // CRC-64/NVME, reflected
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            long value = i;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 1) != 0 ? (value >>> 1) ^ polynomial : value >>> 1;
            }
            table[i] = value;
        }
        return table;
    }
}
