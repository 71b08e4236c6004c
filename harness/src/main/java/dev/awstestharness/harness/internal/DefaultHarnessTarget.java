package dev.awstestharness.harness.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.HarnessTarget;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.target.Target;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/** The public view of a {@link Target}. */
public final class DefaultHarnessTarget implements HarnessTarget {
    private final Target target;

    public DefaultHarnessTarget(Target target) {
        this.target = target;
    }

    @Override
    public String kind() {
        return target.kind();
    }

    @Override
    public Optional<URI> endpoint() {
        return target.endpoint();
    }

    @Override
    public String region() {
        return target.region();
    }

    @Override
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(target.region())).credentialsProvider(target.credentials());
        Optional<URI> endpoint = target.endpoint();
        if (endpoint.isPresent()) {
            builder.endpointOverride(endpoint.get());
            builder.overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
            if (builder instanceof S3BaseClientBuilder<?, ?> s3) s3.forcePathStyle(true);
            if (builder instanceof AwsSyncClientBuilder<?, ?> sync) sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    @Override
    public String ref(String logicalId) {
        return resource(logicalId).refText();
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        ResourceValues resource = resource(logicalId);
        JsonNode value = resource.attributes().get(attribute);
        if (value == null) {
            throw new IllegalArgumentException(resource.description() + " (" + logicalId + ") has no attribute " + attribute + "; it has "
                    + String.join(", ", new TreeSet<>(resource.attributes().keySet())));
        }
        return value.asText();
    }

    private ResourceValues resource(String logicalId) {
        Map<String, ResourceValues> resources = target.resources().byLogicalId();
        ResourceValues resource = resources.get(logicalId);
        if (resource == null && logicalId.contains("::")) resource = target.nestedResource(logicalId).orElse(null);
        if (resource == null) {
            throw new IllegalArgumentException("The " + target.kind() + " target has no resource '" + logicalId + "'; its resources are "
                    + String.join(", ", new TreeSet<>(resources.keySet())));
        }
        return resource;
    }

    @Override
    public String toString() {
        return target.describe();
    }
}
