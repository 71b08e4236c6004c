package dev.awstestharness.harness.internal;

import dev.awstestharness.doubles.contract.DoubleKind;
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
import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.Declaration.TaskFamilyDeclaration;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.drivers.SdkDynamoDbTable;
import dev.awstestharness.harness.internal.drivers.SdkS3Bucket;
import dev.awstestharness.harness.internal.drivers.SdkStateMachineDriver;
import dev.awstestharness.harness.internal.target.DeployedResources;
import dev.awstestharness.harness.internal.target.Target;
import dev.awstestharness.harness.internal.twins.EcsTaskContainerTwinImpl;
import dev.awstestharness.harness.internal.twins.LambdaFunctionTwinImpl;
import dev.awstestharness.harness.internal.twins.StateMachineTwinImpl;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** One test's {@link TestHarness}: its twins live in the test's session; the drivers talk to the target. */
public final class DefaultTestHarness implements TestHarness {
    private final Target target;
    private final TestSession session;

    public DefaultTestHarness(Target target, TestSession session) {
        this.target = target;
        this.session = session;
    }

    public TestSession session() {
        return session;
    }

    /** The internal target (for the harness's own tests). */
    public Target internalTarget() {
        return target;
    }

    private DeployedResources resources() {
        return target.resources();
    }

    @Override
    public LambdaFunctionTwin twinLambdaFunction(String name, LambdaFunctionHandler handler) {
        Objects.requireNonNull(name, "name");
        resources().lambdaFunction(name);
        return session.twins().register(new LambdaFunctionTwinImpl(name, handler));
    }

    @Override
    public StateMachineTwin twinStateMachine(String name, StateMachineHandler handler) {
        Objects.requireNonNull(name, "name");
        resources().stateMachineDouble(name);
        return session.twins().register(new StateMachineTwinImpl(name, handler));
    }

    @Override
    public EcsTaskContainerTwin twinEcsTaskContainer(String taskFamily, String container, EcsTaskContainerHandler handler) {
        checkContainer(taskFamily, container);
        return session.twins().register(new EcsTaskContainerTwinImpl(taskFamily, container, handler));
    }

    @Override
    public LambdaFunctionTwin lambdaFunctionTwin(String name) {
        Objects.requireNonNull(name, "name");
        return session.twins().get(LambdaFunctionTwinImpl.class, DoubleKind.LAMBDA_FUNCTION, name, "the Lambda function double '" + name + "'",
                "harness.twinLambdaFunction(\"" + name + "\", event -> ...)");
    }

    @Override
    public StateMachineTwin stateMachineTwin(String name) {
        Objects.requireNonNull(name, "name");
        return session.twins().get(StateMachineTwinImpl.class, DoubleKind.STATE_MACHINE, name, "the state machine double '" + name + "'",
                "harness.twinStateMachine(\"" + name + "\", input -> ...)");
    }

    @Override
    public EcsTaskContainerTwin ecsTaskContainerTwin(String taskFamily, String container) {
        Objects.requireNonNull(taskFamily, "taskFamily");
        Objects.requireNonNull(container, "container");
        return session.twins().get(EcsTaskContainerTwinImpl.class, DoubleKind.ECS_TASK_CONTAINER, EcsTaskContainerTwinImpl.target(taskFamily,
                container), "the container '" + container + "' of the ECS task double '" + taskFamily + "'",
                "harness.twinEcsTaskContainer(\"" + taskFamily + "\", \"" + container + "\", task -> ExitCode.SUCCESS)");
    }

    @Override
    public StateMachineDriver stateMachine(String name) {
        Objects.requireNonNull(name, "name");
        if (name.contains("::")) return nestedStateMachine(name);
        return new SdkStateMachineDriver(target.clients().sfn(), name, resources().stateMachine(name),
                "EXPRESS".equals(resources().stateMachineType(name)), target.defaultExecutionTimeout(), target.polling(), session::started,
                new PendingDoubles(target, session));
    }

    /** A state machine of a nested stack ({@code Parent::Child}); its type is asked of Step Functions. */
    private StateMachineDriver nestedStateMachine(String path) {
        ResourceValues resource = target.nestedResource(path).orElseThrow(() -> new IllegalArgumentException("'" + path + "' names a resource "
                + "of a nested stack (Parent::Child), but the " + target.kind() + " target deploys the template's own resources only: name a "
                + "state machine of " + target.declaration().source().name() + ", or run on the aws target"));
        if (!resource.type().equals("AWS::StepFunctions::StateMachine")) {
            throw new IllegalArgumentException("'" + path + "' is a " + resource.type() + ", not a state machine (AWS::StepFunctions::StateMachine)");
        }
        String arn = resource.refText();
        boolean express = target.clients().sfn().describeStateMachine(r -> r.stateMachineArn(arn)).type() == StateMachineType.EXPRESS;
        return new SdkStateMachineDriver(target.clients().sfn(), path, arn, express, target.defaultExecutionTimeout(), target.polling(),
                session::started, new PendingDoubles(target, session));
    }

    @Override
    public S3Bucket s3Bucket(String name) {
        Objects.requireNonNull(name, "name");
        return new SdkS3Bucket(target.clients().s3(), name, resources().s3Bucket(name));
    }

    @Override
    public DynamoDbTable dynamoDbTable(String name) {
        Objects.requireNonNull(name, "name");
        return new SdkDynamoDbTable(target.clients().dynamoDb(), resources().dynamoDbTableDeclaration(name), resources().dynamoDbTable(name));
    }

    @Override
    public Duration defaultExecutionTimeout() {
        return target.defaultExecutionTimeout();
    }

    @Override
    public HarnessTarget target() {
        return new DefaultHarnessTarget(target);
    }

    private void checkContainer(String family, String container) {
        Objects.requireNonNull(family, "taskFamily");
        Objects.requireNonNull(container, "container");
        resources().taskDefinition(family);
        TaskFamilyDeclaration declared = target.declaration().ecsTaskFamilies().get(family);
        if (!declared.containers().contains(container)) {
            throw new IllegalArgumentException("The ECS task double '" + family + "' has no container '" + container + "': "
                    + target.declaration().source().name() + " declares its containers " + String.join(", ", declared.containers())
                    + " (parameter " + Declaration.ECS_TASK_FAMILIES + ")");
        }
    }

    @Override
    public String toString() {
        return "TestHarness[" + session.testName() + " on the " + target.describe() + "]";
    }
}
