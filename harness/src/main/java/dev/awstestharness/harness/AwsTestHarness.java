package dev.awstestharness.harness;

import dev.awstestharness.harness.internal.junit.AwsTestHarnessExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of a class against the system under test and the test doubles declared in a CloudFormation/SAM
 * template. Each test gets a {@link TestHarness} (as a parameter of a test, {@code @BeforeEach} or {@code @AfterEach}
 * method or of the constructor, or in a non-final instance field of that type) with a fresh mocking session and no
 * twins. The target is started once per template for the whole run; tests of one template take turns (the mocking
 * session is one per deployed template).
 *
 * <p>The target is the embedded local cloud unless configured otherwise with the system property (or JUnit
 * configuration parameter) {@code aws.test.harness.target} or the environment variable {@code AWS_TEST_HARNESS_TARGET}
 * ({@code local} or {@code aws}); tests do not change between targets. On the local target Wait states and retry
 * intervals take no real time; {@code aws.test.harness.waitScale} (1 = real time) changes that.
 *
 * <p>On the {@code aws} target the tests run against a stack deployed from the template (the
 * {@code AWSTestHarness-TestDoubles} macro creates the doubles in it). Settings, each a system property or JUnit
 * configuration parameter, or else an environment variable:
 * <ul>
 *   <li>{@code aws.test.harness.stackName} / {@code AWS_TEST_HARNESS_STACK_NAME} (required): the stack;
 *       {@code Parent::Child} names a nested stack by its logical id in the parent;</li>
 *   <li>{@code aws.test.harness.region} / {@code AWS_TEST_HARNESS_REGION}: else the SDK's {@code aws.region},
 *       {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, or the profile's region;</li>
 *   <li>{@code aws.test.harness.profile} / {@code AWS_TEST_HARNESS_PROFILE}: else {@code aws.profile} /
 *       {@code AWS_PROFILE}, else the SDK's default credentials chain;</li>
 *   <li>{@code aws.test.harness.roleArn} / {@code AWS_TEST_HARNESS_ROLE_ARN}: a role to assume with those credentials
 *       (session name {@code aws-test-harness-<user>-<pid>});</li>
 *   <li>{@code aws.test.harness.executionTimeout} / {@code AWS_TEST_HARNESS_EXECUTION_TIMEOUT} (both targets): the
 *       default timeout of {@link StateMachineDriver#execute(Object)}, e.g. {@code 300s}, {@code 5m} or
 *       {@code PT5M}; 5 minutes on AWS (a Fargate task takes 30 to 90 seconds to start), 30 seconds locally.</li>
 * </ul>
 * The physical names of the doubles, shared resources and state machines under test come from the stack's resources.
 * A run holds a lease on the stack (an object in its test-context bucket) while it runs: a second run against the same
 * stack fails at once, naming the run that holds it. A missing setting, an unusable stack (missing, being changed,
 * rolled back) or a stack that lacks a declared double fails the test class saying what to do.
 *
 * <p>A test fails when a double was called that had no twin, or whose twin failed; a failed test prints to
 * {@code System.err} the executions it started, with their histories, and its twins' invocations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AwsTestHarnessExtension.class)
public @interface AwsTestHarness {
    /**
     * The template that declares the test doubles (the {@code AWSTestHarness*} parameters) and the state machines
     * under test, as a path relative to the working directory or a classpath resource.
     */
    String template() default "template.yaml";
}
