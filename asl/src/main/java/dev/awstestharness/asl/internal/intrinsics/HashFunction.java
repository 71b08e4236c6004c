package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code States.Hash(data, algorithm)}: the lowercase hex digest of the UTF-8 bytes of the data, with MD5, SHA-1,
 * SHA-256, SHA-384 or SHA-512. AWS also hashes a data value that is not a string, taking its {@link JavaStyleText}.
 */
final class HashFunction implements IntrinsicFunction {
    private static final int MAX_LENGTH = 10_000;
    // Cloning a prototype is cheaper than MessageDigest.getInstance, which looks the provider up every time.
    private static final Map<String, MessageDigest> PROTOTYPES = Map.of(
            "MD5", digest("MD5"),
            "SHA-1", digest("SHA-1"),
            "SHA-256", digest("SHA-256"),
            "SHA-384", digest("SHA-384"),
            "SHA-512", digest("SHA-512"));

    @Override
    public String name() {
        return "States.Hash";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        String data = JavaStyleText.of(arguments.get(0));
        if (data.length() > MAX_LENGTH) {
            throw arguments.invalidArgument(0, "data of at most " + MAX_LENGTH + " characters");
        }
        MessageDigest prototype = PROTOTYPES.get(arguments.string(1));
        if (prototype == null) {
            throw arguments.invalidArgument(1, "one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        byte[] hash = copy(prototype).digest(data.getBytes(StandardCharsets.UTF_8));
        return Json.NODES.textNode(HexFormat.of().formatHex(hash));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return digest(prototype.getAlgorithm());
        }
    }
}
