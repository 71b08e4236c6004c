package dev.awstestharness.asl.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The integrations an interpreter knows, keyed by resource ARN without the pattern suffix. A key that ends in
 * {@code :} is a prefix: {@code arn:aws:states:::aws-sdk:s3:} serves every S3 SDK action. The longest matching key wins.
 * Thread-safe: integrations can be registered while executions run.
 */
public final class ServiceIntegrations {
    private final Map<String, ServiceIntegration> exact = new ConcurrentHashMap<>();
    private final Map<String, ServiceIntegration> prefixes = new ConcurrentHashMap<>();

    public ServiceIntegrations register(String resource, ServiceIntegration integration) {
        if (resource.endsWith(":")) {
            prefixes.put(resource, integration);
        } else {
            exact.put(resource, integration);
        }
        return this;
    }

    public void unregister(String resource) {
        exact.remove(resource);
        prefixes.remove(resource);
    }

    /** The integration serving a resource (given without its pattern suffix). */
    public Optional<ServiceIntegration> find(String serviceResource) {
        ServiceIntegration integration = exact.get(serviceResource);
        if (integration != null) return Optional.of(integration);
        String best = null;
        for (String prefix : prefixes.keySet()) {
            if (serviceResource.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best == null ? Optional.empty() : Optional.ofNullable(prefixes.get(best));
    }

    /** The registered resource keys, sorted, for error messages. */
    public String describe() {
        TreeMap<String, Boolean> all = new TreeMap<>();
        exact.keySet().forEach(key -> all.put(key, true));
        prefixes.keySet().forEach(key -> all.put(key + "*", true));
        return all.isEmpty() ? "none" : String.join(", ", all.keySet());
    }
}
