package dev.awstestharness.localcloud.internal.ecs;

import java.util.List;
import java.util.Map;

/**
 * What a RunTask request changes of one container.
 *
 * @param command the command that replaces the definition's, or {@code null} to keep it
 * @param environment variables that replace the definition's of the same name or are added to them
 */
record ContainerOverride(String name, List<String> command, Map<String, String> environment) {}
