package dev.awstestharness.harness;

/** The twin of one container of an ECS task double; each invocation is one run of the container. */
public interface EcsTaskContainerTwin extends Twin<TaskContext, EcsTaskContainerHandler> {}
