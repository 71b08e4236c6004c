package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TableDeclaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TaskFamilyDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.target.CloudFormationStack.Resource;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a template declares in the stack deployed from it: the shared resources and each double under the logical
 * ids the {@code AWSTestHarness-TestDoubles} macro gives them ({@link GeneratedResources}), and the state machines under
 * test under their own. Every other resource of the stack is there too, for {@code Ref} and {@code Fn::GetAtt}. A
 * declared resource the stack lacks (or has with another type) fails naming all such logical ids: the stack was
 * deployed from another version of the template.
 */
final class StackMapping {
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String BUCKET = "AWS::S3::Bucket";
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";
    private static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";
    private static final String CLUSTER = "AWS::ECS::Cluster";

    private final Declaration declaration;
    private final CloudFormationStack stack;
    private final StackResourceValues values;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> mapped = new LinkedHashSet<>();

    StackMapping(Declaration declaration, CloudFormationStack stack) {
        this.declaration = declaration;
        this.stack = stack;
        this.values = new StackResourceValues(stack);
    }

    /** @throws TargetUnavailableException naming every declared resource the stack lacks */
    DeployedResources map() {
        DeployedResources.Builder resources = DeployedResources.builder(declaration);
        ResourceValues queue = find(GeneratedResources.EVENTS_QUEUE, QUEUE, "the harness's events queue");
        if (queue != null) resources.eventsQueue(queue.refText(), queue);
        ResourceValues results = find(GeneratedResources.RESULTS_TABLE, TABLE, "the harness's results table");
        if (results != null) resources.resultsTable(results.refText(), results);
        ResourceValues context = find(GeneratedResources.TEST_CONTEXT_BUCKET, BUCKET, "the harness's test-context bucket");
        if (context != null) resources.testContextBucket(context.refText(), context);
        for (String name : declaration.lambdaFunctions()) {
            ResourceValues function = find(GeneratedResources.lambdaFunction(name), FUNCTION, "the Lambda function double " + name);
            if (function != null) resources.lambdaFunction(name, function.refText(), function);
        }
        for (String name : declaration.stateMachines()) {
            ResourceValues machine = find(GeneratedResources.stateMachine(name), STATE_MACHINE, "the state machine double " + name);
            if (machine != null) resources.stateMachineDouble(name, machine.refText(), machine);
        }
        for (String name : declaration.s3Buckets()) {
            ResourceValues bucket = find(GeneratedResources.s3Bucket(name), BUCKET, "the S3 bucket double " + name);
            if (bucket != null) resources.s3Bucket(name, bucket.refText(), bucket);
        }
        for (TableDeclaration table : declaration.dynamoDbTables().values()) {
            ResourceValues found = find(GeneratedResources.dynamoDbTable(table.name()), TABLE, "the DynamoDB table double " + table.name());
            if (found != null) resources.dynamoDbTable(table.name(), found.refText(), found);
        }
        for (TaskFamilyDeclaration family : declaration.ecsTaskFamilies().values()) {
            ResourceValues definition = find(GeneratedResources.ecsTaskDefinition(family.family()), TASK_DEFINITION,
                    "the ECS task double " + family.family());
            if (definition != null) resources.taskDefinition(family.family(), definition.refText(), definition);
        }
        for (String logicalId : declaration.stateMachinesUnderTest().keySet()) {
            ResourceValues machine = find(logicalId, STATE_MACHINE, "the state machine under test " + logicalId);
            if (machine != null) resources.stateMachineUnderTest(logicalId, machine.refText(), machine);
        }
        if (!problems.isEmpty()) {
            throw new TargetUnavailableException("The " + stack.describe() + " does not match " + declaration.source().name() + ": "
                    + String.join("; ", problems) + ". Deploy the template again (sam deploy), so that the AWSTestHarness-TestDoubles "
                    + "macro creates the doubles it declares");
        }
        Resource cluster = stack.resources().get(GeneratedResources.ECS_CLUSTER);
        if (cluster != null && CLUSTER.equals(cluster.type()) && present(cluster)) {
            ResourceValues clusterValues = values.of(cluster, "the harness's ECS cluster");
            resources.ecsCluster(clusterValues.attribute("Arn"), clusterValues);
            mapped.add(cluster.logicalId());
        } else if (cluster == null && !stack.parameters().getOrDefault(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, "").isBlank()) {
            // The stack runs its tasks in the user's cluster; its Ref and Arn still answer to the harness's logical id, as
            // the macro's rewrite makes them answer in the template.
            String arn = stack.parameters().get(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER).strip();
            resources.ecsCluster(arn, ResourceValues.of(GeneratedResources.ECS_CLUSTER, CLUSTER, "the existing ECS cluster given as "
                    + GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, arn.substring(arn.lastIndexOf('/') + 1), "Arn", arn));
        }
        for (Resource resource : stack.resources().values()) {
            if (mapped.contains(resource.logicalId()) || !present(resource)) continue;
            resources.resource(values.of(resource, "the resource " + resource.logicalId() + " (" + resource.type() + ") of the " + stack.describe()));
        }
        return resources.build();
    }

    private ResourceValues find(String logicalId, String type, String description) {
        Resource resource = stack.resources().get(logicalId);
        if (resource == null) {
            problems.add("it has no " + logicalId + " (" + description + ")");
            return null;
        }
        if (!type.equals(resource.type())) {
            problems.add(logicalId + " (" + description + ") is a " + resource.type() + ", not a " + type);
            return null;
        }
        if (!present(resource)) {
            problems.add(logicalId + " (" + description + ") was not created (" + resource.status() + ")");
            return null;
        }
        mapped.add(logicalId);
        return values.of(resource, description);
    }

    private static boolean present(Resource resource) {
        return resource.physicalId() != null && !resource.physicalId().isEmpty() && !"CREATE_FAILED".equals(resource.status());
    }
}
