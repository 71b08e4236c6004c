package dev.awstestharness.harness;

import java.time.Duration;

/**
 * One test's view of the system under test and its doubles. Names are the ones declared in the template: a double
 * by its declared name ({@code "First"}), a state machine under test by its logical id. A name the template does not
 * declare, or a twin that was not registered, is an {@link IllegalArgumentException} naming the ones there are.
 *
 * <p>Each test gets a new harness: no twins, and a new mocking session, so that invocations left over from earlier
 * tests are never handled. An invocation of a double that has no twin, or whose twin's handler throws, is answered at
 * once with the error {@code AwsTestHarness.NoTwin} or {@code AwsTestHarness.TwinFailed} naming the double, and fails
 * the test when it ends.
 */
public interface TestHarness {
    /** Makes the Lambda function double {@code name} answer with {@code handler}, replacing an earlier twin. */
    LambdaFunctionTwin twinLambdaFunction(String name, LambdaFunctionHandler handler);

    /** Makes the state machine double {@code name} answer with {@code handler}, replacing an earlier twin. */
    StateMachineTwin twinStateMachine(String name, StateMachineHandler handler);

    /** Makes container {@code container} of the ECS task double {@code taskFamily} answer with {@code handler}. */
    EcsTaskContainerTwin twinEcsTaskContainer(String taskFamily, String container, EcsTaskContainerHandler handler);

    /** The twin registered earlier for a Lambda function double; fails naming the twins there are. */
    LambdaFunctionTwin lambdaFunctionTwin(String name);

    StateMachineTwin stateMachineTwin(String name);

    EcsTaskContainerTwin ecsTaskContainerTwin(String taskFamily, String container);

    /**
     * A state machine: one under test (by logical id) or a double (by declared name). On the aws target, a state machine
     * of a nested stack is {@code "Parent::Child"} (each {@code ::} steps into the nested stack of that logical id).
     */
    StateMachineDriver stateMachine(String name);

    /** The S3 bucket double {@code name}. */
    S3Bucket s3Bucket(String name);

    /** The DynamoDB table double {@code name}. */
    DynamoDbTable dynamoDbTable(String name);

    /**
     * How long {@link StateMachineDriver#execute(Object)} waits by default on this target: 30 seconds on the local
     * target, 5 minutes on AWS (an ECS task double's Fargate task alone takes 30 to 90 seconds to start), unless
     * {@code aws.test.harness.executionTimeout} says otherwise.
     */
    Duration defaultExecutionTimeout();

    /** The target the test runs on, for tests that call services with the AWS SDK themselves. */
    HarnessTarget target();
}
