package dev.awstestharness.localcloud.internal.s3;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ListObjectsV2 continuation tokens: opaque to clients, here the position to resume after, base64-encoded. */
public final class ContinuationTokens {
    private ContinuationTokens() {}

    public static String encode(String next) {
        return Base64.getEncoder().encodeToString(next.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        }
    }
}
