package dev.awstestharness.harness.internal.declaration;

/**
 * The logical ids of the resources that the {@code AWSTestHarness-TestDoubles} transform (AWS target) and the local
 * target create from the declaration: {@code <Name>AWSTestHarness<Kind>} per declared double, plus the shared ones.
 * Templates refer to them with {@code Ref} and {@code Fn::GetAtt}.
 */
public final class GeneratedResources {
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
}
