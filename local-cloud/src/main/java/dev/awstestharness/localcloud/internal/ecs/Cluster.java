package dev.awstestharness.localcloud.internal.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * An ECS cluster. The local cloud runs every task in-process, so a cluster has no container instances and needs none.
 *
 * @param settings the cluster settings as CreateCluster received them ({@code containerInsights} disabled by default)
 * @param tags the tags as CreateCluster received them
 */
record Cluster(String arn, String name, ArrayNode settings, ArrayNode tags, ArrayNode capacityProviders, ArrayNode defaultCapacityProviderStrategy) {}
