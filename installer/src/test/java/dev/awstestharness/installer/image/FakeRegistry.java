package dev.awstestharness.installer.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * A container registry on 127.0.0.1 that speaks enough of the OCI distribution API for Jib to pull a base image and
 * push an image: manifests and blobs by digest, manifests by tag, monolithic and chunked blob uploads. Pushing needs
 * Basic credentials, as ECR's registry does; the base image's repository is public.
 */
public final class FakeRegistry implements AutoCloseable {
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MANIFESTS = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    private static final Pattern BLOBS = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");
    private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]*)");

    public record Manifest(String mediaType, byte[] bytes) {}

    private final HttpsServer server;
    private final String publicRepository;
    private final String authorization;
    public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    /** repository → reference (tag or digest) → manifest */
    public final Map<String, Map<String, Manifest>> manifests = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();

    public FakeRegistry(String publicRepository, String username, String password) {
        this.publicRepository = publicRepository;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(selfSignedTls()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
    }

    /**
     * TLS with a certificate made now by the JDK's keytool, which no one trusts: Jib accepts it only because the push
     * allows insecure registries (ECR's registry has a trusted certificate).
     */
    private static SSLContext selfSignedTls() throws IOException {
        Path directory = Files.createTempDirectory("fake-registry");
        Path keyStore = directory.resolve("registry.p12");
        char[] password = "fake-registry".toCharArray();
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias",
                    "registry", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", new String(password)).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) throw new IOException("keytool failed: " + output);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keyStore)) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(directory);
        }
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Stores a base image: an index with one manifest per architecture, each with a config and one layer.
     *
     * @return the index's digest
     */
    public String addBaseImage(List<String> architectures) throws IOException {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", INDEX);
        ArrayNode entries = index.putArray("manifests");
        for (String architecture : architectures) {
            byte[] layerTar = tarWithOneFile("opt/java/openjdk/release", ("JAVA_VERSION=\"21\"\nOS_ARCH=\"" + architecture + "\"\n").getBytes());
            byte[] layer = gzip(layerTar);
            ObjectNode config = JSON.createObjectNode().put("architecture", architecture).put("os", "linux");
            config.putObject("config").putArray("Env").add("PATH=/opt/java/openjdk/bin:/usr/bin:/bin").add("JAVA_HOME=/opt/java/openjdk");
            ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
            rootfs.putArray("diff_ids").add(digest(layerTar));
            byte[] configBytes = JSON.writeValueAsBytes(config);
            ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MANIFEST);
            manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json").put("digest", store(configBytes))
                    .put("size", configBytes.length);
            manifest.putArray("layers").addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip").put("digest", store(layer))
                    .put("size", layer.length);
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            String manifestDigest = digest(manifestBytes);
            manifests.computeIfAbsent(publicRepository, r -> new ConcurrentHashMap<>()).put(manifestDigest, new Manifest(MANIFEST, manifestBytes));
            ObjectNode entry = entries.addObject().put("mediaType", MANIFEST).put("digest", manifestDigest).put("size", manifestBytes.length);
            entry.putObject("platform").put("architecture", architecture).put("os", "linux");
        }
        byte[] indexBytes = JSON.writeValueAsBytes(index);
        String indexDigest = digest(indexBytes);
        manifests.get(publicRepository).put(indexDigest, new Manifest(INDEX, indexBytes));
        return indexDigest;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals("/v2/") || path.equals("/v2")) {
            if (!authorized(exchange)) {
                challenge(exchange);
                return;
            }
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        Matcher uploads = UPLOADS.matcher(path);
        if (uploads.matches()) {
            if (!authorized(exchange)) {
                challenge(exchange);
                return;
            }
            upload(exchange, method, uploads.group(1), uploads.group(2), body);
            return;
        }
        Matcher blobs = BLOBS.matcher(path);
        if (blobs.matches()) {
            byte[] blob = this.blobs.get(blobs.group(2));
            if (blob == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Docker-Content-Digest", blobs.group(2));
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            send(exchange, method, blob);
            return;
        }
        Matcher manifests = MANIFESTS.matcher(path);
        if (manifests.matches()) {
            String repository = manifests.group(1);
            String reference = manifests.group(2);
            if (method.equals("PUT")) {
                if (!authorized(exchange)) {
                        challenge(exchange);
                    return;
                }
                String digest = digest(body);
                Manifest manifest = new Manifest(exchange.getRequestHeaders().getFirst("Content-Type"), body);
                Map<String, Manifest> stored = this.manifests.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
                stored.put(reference, manifest);
                stored.put(digest, manifest);
                exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
                exchange.getResponseHeaders().add("Location", "/v2/" + repository + "/manifests/" + digest);
                exchange.sendResponseHeaders(201, -1);
                return;
            }
            if (!repository.equals(publicRepository) && !authorized(exchange)) {
                challenge(exchange);
                return;
            }
            Manifest manifest = this.manifests.getOrDefault(repository, Map.of()).get(reference);
            if (manifest == null) {
                byte[] error = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", manifest.mediaType());
            exchange.getResponseHeaders().add("Docker-Content-Digest", digest(manifest.bytes()));
            send(exchange, method, manifest.bytes());
            return;
        }
        exchange.sendResponseHeaders(404, -1);
    }

    private void upload(HttpExchange exchange, String method, String repository, String id, byte[] body) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        switch (method) {
            case "POST" -> {
                String session = UUID.randomUUID().toString();
                uploads.put(session, new ByteArrayOutputStream());
                exchange.getResponseHeaders().add("Location", "/v2/" + repository + "/blobs/uploads/" + session);
                exchange.getResponseHeaders().add("Range", "0-0");
                exchange.sendResponseHeaders(202, -1);
            }
            case "PATCH" -> {
                ByteArrayOutputStream upload = uploads.get(id);
                upload.write(body);
                exchange.getResponseHeaders().add("Location", "/v2/" + repository + "/blobs/uploads/" + id);
                exchange.getResponseHeaders().add("Range", "0-" + Math.max(0, upload.size() - 1));
                exchange.sendResponseHeaders(202, -1);
            }
            case "PUT" -> {
                ByteArrayOutputStream upload = uploads.remove(id);
                upload.write(body);
                String expected = query == null ? null : java.net.URLDecoder.decode(query.replaceAll(".*digest=([^&]*).*", "$1"), StandardCharsets.UTF_8);
                byte[] bytes = upload.toByteArray();
                String actual = digest(bytes);
                if (!actual.equals(expected)) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                blobs.put(actual, bytes);
                exchange.getResponseHeaders().add("Docker-Content-Digest", actual);
                exchange.getResponseHeaders().add("Location", "/v2/" + repository + "/blobs/" + actual);
                exchange.sendResponseHeaders(201, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        return authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void challenge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake-ecr\"");
        exchange.sendResponseHeaders(401, -1);
    }

    private static void send(HttpExchange exchange, String method, byte[] content) throws IOException {
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Length", String.valueOf(content.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, content.length);
        exchange.getResponseBody().write(content);
    }

    private String store(byte[] blob) {
        String digest = digest(blob);
        blobs.put(digest, blob);
        return digest;
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] tarWithOneFile(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
