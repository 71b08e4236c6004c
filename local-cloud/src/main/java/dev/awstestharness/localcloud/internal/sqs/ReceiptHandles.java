package dev.awstestharness.localcloud.internal.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Receipt handles: opaque to callers, but carrying the queue and message they belong to, and unique per receive. */
final class ReceiptHandles {
    private ReceiptHandles() {}

    static String create(String queueName, String messageId) {
        String plain = queueName + "\n" + messageId + "\n" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id of the message a handle was issued for.
     *
     * @throws SqsException {@code ReceiptHandleIsInvalid} when the handle was not issued by this queue
     */
    static String messageId(String handle, String queueName) {
        if (handle == null || handle.isEmpty()) throw SqsException.missingParameter("ReceiptHandle");
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8).split("\n");
        } catch (IllegalArgumentException e) {
            throw SqsException.receiptHandleIsInvalid(handle);
        }
        if (parts.length != 3 || !parts[0].equals(queueName)) throw SqsException.receiptHandleIsInvalid(handle);
        return parts[1];
    }
}
