package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents and roles. Every statement names its actions and resources exactly; {@link #wildcardStatement}
 * is the only way to write {@code Resource: "*"}, and it records why AWS requires it: in the statement's Sid and in
 * the role's {@code Metadata} under {@value #WILDCARD_METADATA} (Sid → reason), since a JSON template cannot carry
 * comments.
 */
public final class Iam {
    public static final String WILDCARD_METADATA = "AWSTestHarnessWildcardResources";
    public static final String POLICY_VERSION = "2012-10-17";

    private Iam() {}

    /** An Allow statement of {@code actions} on {@code resources} (ARNs as strings or intrinsic functions). */
    public static ObjectNode statement(String sid, List<String> actions, List<?> resources) {
        if (actions.stream().anyMatch(action -> action.contains("*"))) throw new IllegalArgumentException("Wildcard action in " + sid);
        if (resources.stream().anyMatch("*"::equals)) throw new IllegalArgumentException("Use wildcardStatement for Resource * in " + sid);
        ObjectNode statement = Cfn.object().put("Sid", sid).put("Effect", "Allow");
        statement.set("Action", Cfn.array(actions));
        statement.set("Resource", resources.size() == 1 ? Cfn.node(resources.get(0)) : Cfn.array(resources));
        return statement;
    }

    /** A role that {@code service} assumes, with one inline policy per entry of {@code policies}. */
    public static Role role(String service, String description) {
        return new Role(service, description);
    }

    /** Builds an {@code AWS::IAM::Role}'s properties and metadata. */
    public static final class Role {
        private final String service;
        private final String description;
        private final Map<String, List<ObjectNode>> policies = new LinkedHashMap<>();
        private final Map<String, String> wildcards = new LinkedHashMap<>();
        private JsonNode trustCondition;

        private Role(String service, String description) {
            this.service = service;
            this.description = description;
        }

        /** Only assumable on behalf of this account (guards against the confused deputy problem). */
        public Role sourceAccountCondition() {
            ObjectNode condition = Cfn.object();
            condition.putObject("StringEquals").set("aws:SourceAccount", Cfn.ref(Cfn.ACCOUNT_ID));
            this.trustCondition = condition;
            return this;
        }

        public Role policy(String name, ObjectNode... statements) {
            policies.computeIfAbsent(name, key -> new java.util.ArrayList<>()).addAll(List.of(statements));
            return this;
        }

        /**
         * A statement on {@code Resource: "*"}, allowed only for actions that support no resource-level permissions;
         * {@code reason} says so and ends up in the role's metadata.
         */
        public Role wildcardStatement(String policy, String sid, List<String> actions, String reason) {
            ObjectNode statement = Cfn.object().put("Sid", sid).put("Effect", "Allow");
            statement.set("Action", Cfn.array(actions));
            statement.put("Resource", "*");
            wildcards.put(sid, reason);
            return policy(policy, statement);
        }

        /** Adds the role to {@code template} as {@code logicalId}. */
        public void addTo(GeneratedTemplate template, String logicalId, String purpose) {
            ObjectNode properties = template.resource(logicalId, "AWS::IAM::Role", purpose);
            properties.put("Description", description);
            ObjectNode trust = properties.putObject("AssumeRolePolicyDocument").put("Version", POLICY_VERSION);
            ObjectNode assume = Cfn.object().put("Effect", "Allow");
            assume.putObject("Principal").put("Service", service);
            assume.put("Action", "sts:AssumeRole");
            if (trustCondition != null) assume.set("Condition", trustCondition);
            trust.putArray("Statement").add(assume);
            ArrayNode inline = properties.putArray("Policies");
            policies.forEach((name, statements) -> {
                ObjectNode policy = inline.addObject().put("PolicyName", name);
                ObjectNode document = policy.putObject("PolicyDocument").put("Version", POLICY_VERSION);
                statements.forEach(document.withArray("Statement")::add);
            });
            if (!wildcards.isEmpty()) {
                ObjectNode reasons = template.resourceNode(logicalId).putObject("Metadata").putObject(WILDCARD_METADATA);
                wildcards.forEach(reasons::put);
            }
        }
    }
}
