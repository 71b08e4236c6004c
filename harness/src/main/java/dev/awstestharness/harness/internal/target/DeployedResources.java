package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TableDeclaration;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The physical names and ARNs of everything a target deployed for a template: the shared resources, each double by
 * its declared name, each state machine under test by its logical id, and every resource by logical id (what
 * {@code Ref} and {@code Fn::GetAtt} give). Lookups of names the template does not declare fail naming those it does.
 */
public final class DeployedResources {
    private final Declaration declaration;
    private final String eventsQueueUrl;
    private final String resultsTable;
    private final String testContextBucket;
    private final String ecsClusterArn;
    private final Map<String, String> lambdaFunctions;
    private final Map<String, String> stateMachineDoubles;
    private final Map<String, String> s3Buckets;
    private final Map<String, String> dynamoDbTables;
    private final Map<String, String> taskDefinitions;
    private final Map<String, String> stateMachinesUnderTest;
    private final Map<String, ResourceValues> byLogicalId;

    private DeployedResources(Builder builder) {
        this.declaration = builder.declaration;
        this.eventsQueueUrl = builder.eventsQueueUrl;
        this.resultsTable = builder.resultsTable;
        this.testContextBucket = builder.testContextBucket;
        this.ecsClusterArn = builder.ecsClusterArn;
        this.lambdaFunctions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.lambdaFunctions));
        this.stateMachineDoubles = Collections.unmodifiableMap(new LinkedHashMap<>(builder.stateMachineDoubles));
        this.s3Buckets = Collections.unmodifiableMap(new LinkedHashMap<>(builder.s3Buckets));
        this.dynamoDbTables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.dynamoDbTables));
        this.taskDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.taskDefinitions));
        this.stateMachinesUnderTest = Collections.unmodifiableMap(new LinkedHashMap<>(builder.stateMachinesUnderTest));
        this.byLogicalId = Collections.unmodifiableMap(new LinkedHashMap<>(builder.byLogicalId));
    }

    public static Builder builder(Declaration declaration) {
        return new Builder(declaration);
    }

    public Declaration declaration() {
        return declaration;
    }

    public String eventsQueueUrl() {
        return eventsQueueUrl;
    }

    public String resultsTable() {
        return resultsTable;
    }

    public String testContextBucket() {
        return testContextBucket;
    }

    public String ecsClusterArn() {
        return ecsClusterArn;
    }

    /** Every resource by logical id, for {@code Ref} and {@code Fn::GetAtt}. */
    public Map<String, ResourceValues> byLogicalId() {
        return byLogicalId;
    }

    /** The function name of the Lambda function double {@code name}. */
    public String lambdaFunction(String name) {
        return lookup(lambdaFunctions, name, "Lambda function double", Declaration.LAMBDA_FUNCTIONS);
    }

    /** The ARN of the state machine double {@code name}. */
    public String stateMachineDouble(String name) {
        return lookup(stateMachineDoubles, name, "state machine double", Declaration.STATE_MACHINES);
    }

    public String s3Bucket(String name) {
        return lookup(s3Buckets, name, "S3 bucket double", Declaration.S3_BUCKETS);
    }

    public String dynamoDbTable(String name) {
        return lookup(dynamoDbTables, name, "DynamoDB table double", Declaration.DYNAMODB_TABLES);
    }

    public TableDeclaration dynamoDbTableDeclaration(String name) {
        dynamoDbTable(name);
        return declaration.dynamoDbTables().get(name);
    }

    /** The ARN (with revision) of the task definition of the ECS task double {@code family}. */
    public String taskDefinition(String family) {
        return lookup(taskDefinitions, family, "ECS task double (task family)", Declaration.ECS_TASK_FAMILIES);
    }

    public Map<String, String> stateMachinesUnderTest() {
        return stateMachinesUnderTest;
    }

    public Map<String, String> stateMachineDoubles() {
        return stateMachineDoubles;
    }

    /** STANDARD or EXPRESS: the type of a state machine under test (by logical id), STANDARD for the doubles. */
    public String stateMachineType(String name) {
        if (!stateMachinesUnderTest.containsKey(name)) return "STANDARD";
        var machine = declaration.stateMachinesUnderTest().get(name);
        return machine == null ? "STANDARD" : machine.type();
    }

    /**
     * The ARN of a state machine: one under test by logical id, else a double by declared name.
     *
     * @throws IllegalArgumentException naming the state machines there are
     */
    public String stateMachine(String name) {
        String arn = stateMachinesUnderTest.get(name);
        if (arn == null) arn = stateMachineDoubles.get(name);
        if (arn != null) return arn;
        throw new IllegalArgumentException("There is no state machine '" + name + "' in " + declaration.source().name() + ": the state machines "
                + "under test (by logical id) are " + names(stateMachinesUnderTest) + ", the state machine doubles (by declared name) are "
                + names(stateMachineDoubles));
    }

    private String lookup(Map<String, String> names, String name, String kind, String parameter) {
        String value = names.get(name);
        if (value != null) return value;
        throw new IllegalArgumentException("There is no " + kind + " '" + name + "': " + declaration.source().name() + " declares "
                + (names.isEmpty() ? "none" : names(names)) + " (parameter " + parameter + ")");
    }

    private static String names(Map<String, String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.keySet());
    }

    public static final class Builder {
        private final Declaration declaration;
        private String eventsQueueUrl;
        private String resultsTable;
        private String testContextBucket;
        private String ecsClusterArn;
        private final Map<String, String> lambdaFunctions = new LinkedHashMap<>();
        private final Map<String, String> stateMachineDoubles = new LinkedHashMap<>();
        private final Map<String, String> s3Buckets = new LinkedHashMap<>();
        private final Map<String, String> dynamoDbTables = new LinkedHashMap<>();
        private final Map<String, String> taskDefinitions = new LinkedHashMap<>();
        private final Map<String, String> stateMachinesUnderTest = new LinkedHashMap<>();
        private final Map<String, ResourceValues> byLogicalId = new LinkedHashMap<>();

        private Builder(Declaration declaration) {
            this.declaration = declaration;
        }

        public synchronized Builder eventsQueue(String url, ResourceValues values) {
            this.eventsQueueUrl = url;
            return resource(values);
        }

        public synchronized Builder resultsTable(String name, ResourceValues values) {
            this.resultsTable = name;
            return resource(values);
        }

        public synchronized Builder testContextBucket(String name, ResourceValues values) {
            this.testContextBucket = name;
            return resource(values);
        }

        public synchronized Builder ecsCluster(String arn, ResourceValues values) {
            this.ecsClusterArn = arn;
            return resource(values);
        }

        public synchronized Builder lambdaFunction(String name, String functionName, ResourceValues values) {
            lambdaFunctions.put(name, functionName);
            return resource(values);
        }

        public synchronized Builder stateMachineDouble(String name, String arn, ResourceValues values) {
            stateMachineDoubles.put(name, arn);
            return resource(values);
        }

        public synchronized Builder s3Bucket(String name, String bucket, ResourceValues values) {
            s3Buckets.put(name, bucket);
            return resource(values);
        }

        public synchronized Builder dynamoDbTable(String name, String table, ResourceValues values) {
            dynamoDbTables.put(name, table);
            return resource(values);
        }

        public synchronized Builder taskDefinition(String family, String arn, ResourceValues values) {
            taskDefinitions.put(family, arn);
            return resource(values);
        }

        public synchronized Builder stateMachineUnderTest(String logicalId, String arn, ResourceValues values) {
            stateMachinesUnderTest.put(logicalId, arn);
            return resource(values);
        }

        public synchronized Builder resource(ResourceValues values) {
            byLogicalId.put(values.logicalId(), values);
            return this;
        }

        /** The resources so far, by logical id. */
        public synchronized Map<String, ResourceValues> resources() {
            return new LinkedHashMap<>(byLogicalId);
        }

        public synchronized DeployedResources build() {
            return new DeployedResources(this);
        }
    }
}
