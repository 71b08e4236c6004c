package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters, by name. The {@code default} cluster exists from the start, as in an account that has used ECS.
 * Thread-safe.
 */
final class ClusterStore {
    static final String DEFAULT = "default";

    private final EcsArns arns;
    private final Map<String, Cluster> clusters = new ConcurrentHashMap<>();

    ClusterStore(EcsArns arns) {
        this.arns = arns;
        createIfAbsent(DEFAULT, null, null, null, null);
    }

    /** The cluster of that name: the existing one, or a new one with these settings. */
    Cluster createIfAbsent(String name, ArrayNode settings, ArrayNode tags, ArrayNode capacityProviders, ArrayNode strategy) {
        return clusters.computeIfAbsent(name, ignored -> {
            ArrayNode effectiveSettings = settings;
            if (effectiveSettings == null || effectiveSettings.isEmpty()) {
                effectiveSettings = LocalJson.array();
                effectiveSettings.addObject().put("name", "containerInsights").put("value", "disabled");
            }
            return new Cluster(arns.cluster(name), name, effectiveSettings, orEmpty(tags), orEmpty(capacityProviders), orEmpty(strategy));
        });
    }

    Cluster get(String name) {
        return clusters.get(name);
    }

    /** The cluster an identifier (name or ARN; blank for {@code default}) names, or ClusterNotFoundException. */
    Cluster existing(String identifier) {
        Cluster cluster = clusters.get(arns.clusterName(identifier));
        if (cluster == null) throw EcsErrors.clusterNotFound();
        return cluster;
    }

    List<Cluster> all() {
        List<Cluster> all = new ArrayList<>(clusters.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    private static ArrayNode orEmpty(ArrayNode list) {
        return list == null ? LocalJson.array() : list.deepCopy();
    }
}
