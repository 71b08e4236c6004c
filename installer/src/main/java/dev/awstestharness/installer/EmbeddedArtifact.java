package dev.awstestharness.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file the installer carries and uploads: the relay's Lambda package, the macro's. Its S3 key holds part of its
 * SHA-256, because CloudFormation updates a Lambda function's code only when the code's location changes.
 *
 * @param name what it is, e.g. {@code doubles-runtime-lambda}
 * @param extension {@code zip}, {@code jar}, {@code yaml}
 */
public record EmbeddedArtifact(String name, String extension, byte[] bytes) {
    /** The installer's own copy of the relay's Lambda package (the build copies it there). */
    public static final String RELAY_RESOURCE = "/dev/awstestharness/installer/artifacts/doubles-runtime-lambda.zip";

    /** The installer's own copy of the macro's Lambda package (the build copies it there). */
    public static final String MACRO_RESOURCE = "/dev/awstestharness/installer/artifacts/infrastructure-macro.jar";

    public static EmbeddedArtifact macro() {
        return fromResource("infrastructure-macro", "jar", MACRO_RESOURCE);
    }

    public static EmbeddedArtifact relay() {
        return fromResource("doubles-runtime-lambda", "zip", RELAY_RESOURCE);
    }

    static EmbeddedArtifact fromResource(String name, String extension, String resource) {
        try (InputStream in = EmbeddedArtifact.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The installer lacks " + resource + ": build it with Maven (mvn package), which copies it there");
            }
            return new EmbeddedArtifact(name, extension, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** {@code <prefix>/<version>/<name>-<first 16 hex digits of the SHA-256>.<extension>} */
    public String s3Key(String keyPrefix, String version) {
        return keyPrefix + "/" + version + "/" + name + "-" + sha256().substring(0, 16) + "." + extension;
    }

    public long size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return name + "." + extension + " (" + bytes.length + " bytes, sha256 " + sha256() + ")";
    }
}
