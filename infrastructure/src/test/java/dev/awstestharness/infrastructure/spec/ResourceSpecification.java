package dev.awstestharness.infrastructure.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification of the npm package {@code @aws-cdk/aws-service-spec} ({@code db.json.gz}):
 * a graph database dump whose {@code schema.resource.entities} are the resource types (by
 * {@code cloudFormationType}: {@code properties} with their {@code type} and {@code required} flag, {@code attributes}
 * for {@code Fn::GetAtt}) and whose {@code schema.typeDefinition.entities} are the nested property types (by
 * {@code $id}, referred to as {@code {"type": "ref", "reference": {"$ref": id}}}). A property type is one of
 * {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code date-time}, {@code json} (anything),
 * {@code tag} ({@code {Key, Value}}), {@code ref}, {@code array} and {@code map} (of {@code element}) and
 * {@code union} (of {@code types}). It also holds SAM's {@code AWS::Serverless::*} types (from SAM's schema), marked
 * with {@code cloudFormationTransform}.
 */
public final class ResourceSpecification {
    /** Where the build put {@code db.json.gz} (see the module's pom). */
    public static final String PATH_PROPERTY = "aws.service.spec";
    public static final String VERSION_PROPERTY = "aws.service.spec.version";

    private static ResourceSpecification shared;

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> types = new HashMap<>();
    private final String version;

    private ResourceSpecification(JsonNode database, String version) {
        this.version = version;
        database.path("schema").path("resource").path("entities").forEach(resource -> resources.put(resource.get("cloudFormationType").asText(),
                resource));
        database.path("schema").path("typeDefinition").path("entities").forEach(type -> types.put(type.get("$id").asText(), type));
        if (resources.isEmpty()) throw new IllegalStateException("The resource specification has no resource types: is it db.json.gz?");
    }

    /** The specification the build downloaded, loaded once per test JVM. */
    public static synchronized ResourceSpecification shared() {
        if (shared == null) {
            String path = System.getProperty(PATH_PROPERTY);
            if (path == null) {
                throw new IllegalStateException("The system property " + PATH_PROPERTY + " (the path of db.json.gz) is not set; run the tests with "
                        + "Maven, which downloads the specification and sets it");
            }
            shared = load(Path.of(path), System.getProperty(VERSION_PROPERTY, "?"));
        }
        return shared;
    }

    public static ResourceSpecification load(Path databaseGz, String version) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(databaseGz), 1 << 16)) {
            return new ResourceSpecification(new ObjectMapper().readTree(in), version);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the resource specification " + databaseGz + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return version;
    }

    public int resourceTypeCount() {
        return resources.size();
    }

    /** The resource type's entity ({@code properties}, {@code attributes}, ...), if the specification has it. */
    public Optional<JsonNode> resource(String cloudFormationType) {
        return Optional.ofNullable(resources.get(cloudFormationType));
    }

    /** A nested property type by {@code $id}. */
    public JsonNode type(String id) {
        JsonNode type = types.get(id);
        if (type == null) throw new IllegalStateException("The resource specification refers to the missing type definition " + id);
        return type;
    }
}
