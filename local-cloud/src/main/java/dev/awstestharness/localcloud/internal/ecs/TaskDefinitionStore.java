package dev.awstestharness.localcloud.internal.ecs;

import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The task definition families and their revisions, numbered from 1 per family. Thread-safe. */
final class TaskDefinitionStore {
    private final EcsArns arns;
    private final Map<String, List<TaskDefinition>> families = new HashMap<>();

    TaskDefinitionStore(EcsArns arns) {
        this.arns = arns;
    }

    synchronized TaskDefinition register(TaskDefinitionRegistration registration, Instant now) {
        List<TaskDefinition> revisions = families.computeIfAbsent(registration.family, family -> new ArrayList<>());
        int revision = revisions.size() + 1;
        TaskDefinition definition = new TaskDefinition(arns.taskDefinition(registration.family, revision), registration.family, revision,
                true, registration.networkMode, registration.compatibilities, registration.cpu, registration.memory,
                registration.containers, registration.description.deepCopy(),
                registration.tags == null ? LocalJson.array() : registration.tags.deepCopy(), now, null);
        definition.description().put("taskDefinitionArn", definition.arn());
        definition.description().put("revision", revision);
        definition.description().put("registeredBy", "arn:aws:iam::" + accountOf(definition.arn()) + ":root");
        revisions.add(definition);
        return definition;
    }

    /**
     * The revision an identifier names: {@code family} (its latest ACTIVE revision), {@code family:revision} or the
     * ARN of either; {@code null} when there is none.
     */
    synchronized TaskDefinition find(String identifier) {
        String reference = arns.taskDefinition(identifier);
        int colon = reference.lastIndexOf(':');
        String family = colon < 0 ? reference : reference.substring(0, colon);
        List<TaskDefinition> revisions = families.get(family);
        if (revisions == null) return null;
        if (colon < 0) {
            for (int i = revisions.size() - 1; i >= 0; i--) {
                if (revisions.get(i).active()) return revisions.get(i);
            }
            return null;
        }
        int revision = revision(reference.substring(colon + 1));
        return revision >= 1 && revision <= revisions.size() ? revisions.get(revision - 1) : null;
    }

    /** Marks a revision INACTIVE; {@code null} when it does not exist. */
    synchronized TaskDefinition deregister(TaskDefinition definition, Instant now) {
        List<TaskDefinition> revisions = families.get(definition.family());
        TaskDefinition current = revisions.get(definition.revision() - 1);
        if (!current.active()) return current;
        TaskDefinition deregistered = current.deregistered(now);
        revisions.set(definition.revision() - 1, deregistered);
        return deregistered;
    }

    /** The ARNs of the revisions with the status, families in alphabetical order, revisions ascending. */
    synchronized List<String> list(String familyPrefix, boolean active) {
        List<String> list = new ArrayList<>();
        for (List<TaskDefinition> revisions : new TreeMap<>(families).values()) {
            for (TaskDefinition definition : revisions) {
                if (definition.active() == active && (familyPrefix == null || definition.family().startsWith(familyPrefix))) {
                    list.add(definition.arn());
                }
            }
        }
        return list;
    }

    static int revision(String text) {
        try {
            int revision = Integer.parseInt(text);
            if (revision < 1) throw new NumberFormatException();
            return revision;
        } catch (NumberFormatException e) {
            throw EcsErrors.invalidParameter("Invalid revision number. Number: " + text);
        }
    }

    private static String accountOf(String arn) {
        return arn.split(":")[4];
    }
}
