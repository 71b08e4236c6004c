package dev.awstestharness.doubles.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The logical ids of the resources that the {@code AWSTestHarness-TestDoubles} transform (AWS target) and the local
 * target create from a {@link DoublesDeclaration}: {@code <Name>AWSTestHarness<Kind>} per declared double, plus the
 * shared ones; and the names of the optional parameters that configure them on AWS. Templates refer to the resources
 * with {@code Ref} and {@code Fn::GetAtt}; the harness finds them in a deployed stack by these logical ids.
 */
public final class GeneratedResources {
    /** The prefix of every generated logical id, parameter, condition and output; reserved in users' templates. */
    public static final String PREFIX = "AWSTestHarness";

    public static final String LAMBDA_FUNCTION_SUFFIX = "AWSTestHarnessLambdaFunction";
    public static final String STATE_MACHINE_SUFFIX = "AWSTestHarnessStateMachine";
    public static final String S3_BUCKET_SUFFIX = "AWSTestHarnessS3Bucket";
    public static final String DYNAMODB_TABLE_SUFFIX = "AWSTestHarnessDynamoDBTable";
    public static final String ECS_TASK_DEFINITION_SUFFIX = "AWSTestHarnessECSTaskDefinition";

    public static final String ECS_CLUSTER = "AWSTestHarnessECSCluster";
    public static final String EVENTS_QUEUE = "AWSTestHarnessEventsQueue";
    public static final String RESULTS_TABLE = "AWSTestHarnessResultsTable";
    public static final String TEST_CONTEXT_BUCKET = "AWSTestHarnessTestContextBucket";
    public static final String ECS_TASK_EXECUTION_ROLE = "AWSTestHarnessECSTaskExecutionRole";
    public static final String ECS_TASK_ROLE = "AWSTestHarnessECSTaskRole";
    /** AWS target: the role of every Lambda function double. */
    public static final String LAMBDA_FUNCTION_ROLE = "AWSTestHarnessLambdaFunctionRole";
    /** AWS target: the role of every state machine double. */
    public static final String STATE_MACHINE_ROLE = "AWSTestHarnessStateMachineRole";
    /** AWS target: the log group of the Lambda function and ECS container doubles. */
    public static final String LOG_GROUP = "AWSTestHarnessLogGroup";
    /** AWS target: the security group of the ECS task doubles, created when a VPC but no security group is given. */
    public static final String ECS_SECURITY_GROUP = "AWSTestHarnessECSSecurityGroup";

    /**
     * AWS target, optional parameter: the ARN of an existing cluster (with the FARGATE capacity provider) to run the ECS
     * task doubles in; empty (default): {@link #ECS_CLUSTER} is created. References to {@link #ECS_CLUSTER} then resolve
     * to the given cluster.
     */
    public static final String ECS_CLUSTER_ARN_PARAMETER = "AWSTestHarnessExistingECSClusterArn";
    /** AWS target, optional parameter: {@code ARM64} (default) or {@code X86_64}, the CPU architecture of the ECS task doubles. */
    public static final String ECS_CONTAINER_ARCHITECTURE_PARAMETER = "AWSTestHarnessECSContainerArchitecture";
    /** AWS target, optional parameter: the VPC in which to create a security group when none is given. */
    public static final String ECS_VPC_ID_PARAMETER = "AWSTestHarnessECSVpcId";
    /** AWS target, optional parameter: the subnets for the ECS task doubles (passed through to the outputs for RunTask). */
    public static final String ECS_SUBNET_IDS_PARAMETER = "AWSTestHarnessECSSubnetIds";
    /** AWS target, optional parameter: the security groups of the ECS task doubles (default: one is created in the VPC). */
    public static final String ECS_SECURITY_GROUP_IDS_PARAMETER = "AWSTestHarnessECSSecurityGroupIds";
    /** AWS target, optional parameter: {@code ENABLED} (default) or {@code DISABLED}, for RunTask's AssignPublicIp. */
    public static final String ECS_ASSIGN_PUBLIC_IP_PARAMETER = "AWSTestHarnessECSAssignPublicIp";
    /** The optional parameters that configure the AWS target's ECS doubles; the local target ignores their values. */
    public static final Set<String> SETTINGS_PARAMETERS = Set.of(ECS_CLUSTER_ARN_PARAMETER, ECS_CONTAINER_ARCHITECTURE_PARAMETER,
            ECS_VPC_ID_PARAMETER, ECS_SUBNET_IDS_PARAMETER, ECS_SECURITY_GROUP_IDS_PARAMETER, ECS_ASSIGN_PUBLIC_IP_PARAMETER);

    /** The shared resources, in the order the local target and the generator create them. */
    public static final List<String> SHARED = List.of(ECS_CLUSTER, EVENTS_QUEUE, RESULTS_TABLE, TEST_CONTEXT_BUCKET, ECS_TASK_EXECUTION_ROLE,
            ECS_TASK_ROLE, LAMBDA_FUNCTION_ROLE, STATE_MACHINE_ROLE, LOG_GROUP, ECS_SECURITY_GROUP);

    private GeneratedResources() {}

    public static String lambdaFunction(String name) {
        return name + LAMBDA_FUNCTION_SUFFIX;
    }

    public static String stateMachine(String name) {
        return name + STATE_MACHINE_SUFFIX;
    }

    public static String s3Bucket(String name) {
        return name + S3_BUCKET_SUFFIX;
    }

    public static String dynamoDbTable(String name) {
        return name + DYNAMODB_TABLE_SUFFIX;
    }

    public static String ecsTaskDefinition(String family) {
        return family + ECS_TASK_DEFINITION_SUFFIX;
    }

    /** Every logical id a declaration can generate: the shared resources and one per declared double. */
    public static Set<String> logicalIds(DoublesDeclaration declaration) {
        Set<String> ids = new LinkedHashSet<>(SHARED);
        declaration.lambdaFunctions().forEach(name -> ids.add(lambdaFunction(name)));
        declaration.stateMachines().forEach(name -> ids.add(stateMachine(name)));
        declaration.s3Buckets().forEach(name -> ids.add(s3Bucket(name)));
        declaration.dynamoDbTables().keySet().forEach(name -> ids.add(dynamoDbTable(name)));
        declaration.ecsTaskFamilies().keySet().forEach(name -> ids.add(ecsTaskDefinition(name)));
        return ids;
    }
}
