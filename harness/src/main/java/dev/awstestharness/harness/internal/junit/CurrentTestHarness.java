package dev.awstestharness.harness.internal.junit;

import dev.awstestharness.harness.DynamoDbTable;
import dev.awstestharness.harness.EcsTaskContainerHandler;
import dev.awstestharness.harness.EcsTaskContainerTwin;
import dev.awstestharness.harness.HarnessTarget;
import dev.awstestharness.harness.LambdaFunctionHandler;
import dev.awstestharness.harness.LambdaFunctionTwin;
import dev.awstestharness.harness.S3Bucket;
import dev.awstestharness.harness.StateMachineDriver;
import dev.awstestharness.harness.StateMachineHandler;
import dev.awstestharness.harness.StateMachineTwin;
import dev.awstestharness.harness.TestHarness;
import dev.awstestharness.harness.internal.DefaultHarnessTarget;
import java.time.Duration;

/**
 * The {@link TestHarness} injected into fields and constructors, which exist before a test starts: each call goes to
 * the harness of the test running at the time.
 */
final class CurrentTestHarness implements TestHarness {
    private final ActiveTarget active;
    private final String owner;

    CurrentTestHarness(ActiveTarget active, String owner) {
        this.active = active;
        this.owner = owner;
    }

    private TestHarness current() {
        TestRun run = active.current();
        if (run == null) {
            throw new IllegalStateException("The TestHarness of " + owner + " was used while no test was running (in a @BeforeAll or "
                    + "@AfterAll method, a constructor, or another thread after the test); it belongs to one test at a time: use it in test, "
                    + "@BeforeEach and @AfterEach methods");
        }
        return run.harness();
    }

    @Override
    public LambdaFunctionTwin twinLambdaFunction(String name, LambdaFunctionHandler handler) {
        return current().twinLambdaFunction(name, handler);
    }

    @Override
    public StateMachineTwin twinStateMachine(String name, StateMachineHandler handler) {
        return current().twinStateMachine(name, handler);
    }

    @Override
    public EcsTaskContainerTwin twinEcsTaskContainer(String taskFamily, String container, EcsTaskContainerHandler handler) {
        return current().twinEcsTaskContainer(taskFamily, container, handler);
    }

    @Override
    public LambdaFunctionTwin lambdaFunctionTwin(String name) {
        return current().lambdaFunctionTwin(name);
    }

    @Override
    public StateMachineTwin stateMachineTwin(String name) {
        return current().stateMachineTwin(name);
    }

    @Override
    public EcsTaskContainerTwin ecsTaskContainerTwin(String taskFamily, String container) {
        return current().ecsTaskContainerTwin(taskFamily, container);
    }

    @Override
    public StateMachineDriver stateMachine(String name) {
        return current().stateMachine(name);
    }

    @Override
    public S3Bucket s3Bucket(String name) {
        return current().s3Bucket(name);
    }

    @Override
    public DynamoDbTable dynamoDbTable(String name) {
        return current().dynamoDbTable(name);
    }

    @Override
    public Duration defaultExecutionTimeout() {
        return active.target().defaultExecutionTimeout();
    }

    @Override
    public HarnessTarget target() {
        return new DefaultHarnessTarget(active.target());
    }

    @Override
    public String toString() {
        TestRun run = active.current();
        return run != null ? run.harness().toString() : "TestHarness[no test running, " + active.target().describe() + "]";
    }
}
