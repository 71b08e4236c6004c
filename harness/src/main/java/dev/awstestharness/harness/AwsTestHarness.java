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
