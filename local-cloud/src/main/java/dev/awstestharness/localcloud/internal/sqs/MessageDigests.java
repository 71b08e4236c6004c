package dev.awstestharness.localcloud.internal.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and the SDKs verify: of the body's UTF-8 bytes, and of the message attributes in
 * AWS's encoding (attributes sorted by name; each as length-prefixed name, length-prefixed data type, a transport
 * byte of 1 for string values or 2 for binary ones, and the length-prefixed value).
 */
final class MessageDigests {
    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;

    private MessageDigests() {}

    static String ofBody(String body) {
        return hex(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of the attributes, or {@code null} when there are none (AWS then omits the field). */
    static String ofAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes.isEmpty()) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttribute> entry : new TreeMap<>(attributes).entrySet()) {
            MessageAttribute attribute = entry.getValue();
            writeLengthPrefixed(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
            writeLengthPrefixed(out, attribute.dataType().getBytes(StandardCharsets.UTF_8));
            if (attribute.binaryValue() != null) {
                out.write(BINARY_TRANSPORT);
                writeLengthPrefixed(out, attribute.binaryValue());
            } else {
                out.write(STRING_TRANSPORT);
                writeLengthPrefixed(out, attribute.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return hex(out.toByteArray());
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
