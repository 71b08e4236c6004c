package dev.awstestharness.harness.internal.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.harness.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The rehearsal of a deployment on AWS: the harness's test template is rendered by the macro's generator, every
 * resource of the rendered template is created from its own properties ({@link RenderedStack}), and a real
 * {@code @AwsTestHarness} test class runs against that stack on the aws target. So the generated relay functions
 * (handler, environment under Lambda's names), double state machines (definition and substitutions), task definitions
 * (containers, runner image, namespaced environment) and shared resources work with the doubles' runtime and the
 * harness as generated, not only as the local target creates them.
 */
class RenderedTemplateRunTest {
    private static final String FIXTURE = "dev.awstestharness.harness.fixtures.AwsTargetTestCase";
    private static LocalCloudStack stack;
    private static AutoCloseable asTheAwsTarget;

    @BeforeAll
    static void deploy() {
        stack = LocalCloudStack.deployRendered(Fixtures.TEMPLATE, "rendered-on-aws");
        FakeCloudFormation.Stack workflows = stack.nestedStack(stack.stack, "Workflows");
        workflows.resource("Inner", stack.createPassStateMachine("Inner", "STANDARD"), "AWS::StepFunctions::StateMachine");
        asTheAwsTarget = stack.asTheAwsTarget(Duration.ofMinutes(2));
    }

    @AfterAll
    static void undeploy() throws Exception {
        asTheAwsTarget.close();
        stack.close();
    }

    @Test
    void theHarnessTestsPassAgainstTheTemplateTheMacroRenders() {
        Map<String, String> configuration = new LinkedHashMap<>(stack.settings());
        PrintStream original = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration).selectors(selectClass(FIXTURE)).execute();
        } finally {
            System.setErr(original);
        }

        results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(7).failed(0));
        assertThat(Fixtures.OBSERVED.get("aws.kind")).isEqualTo("aws");
        // the resources CloudFormation listed are those deployed from the rendered template, with generated names
        assertThat((String) Fixtures.OBSERVED.get("aws.eventsQueue")).contains("/rendered-on-aws-AWSTestHarnessEventsQueue-").endsWith(".fifo");
    }

    @Test
    void theRelayFunctionsRunWithTheGeneratedEnvironmentUnderLambdasNames() {
        String function = stack.stack.resources.stream().filter(resource -> resource.logicalId().equals(GeneratedResources.lambdaFunction("Alpha")))
                .findFirst().orElseThrow().physicalId();
        Map<String, String> environment = stack.services().lambda().getFunction(r -> r.functionName(function)).configuration()
                .environment().variables();

        assertThat(environment).containsKeys(HarnessEnvironment.lambdaName(HarnessEnvironment.EVENTS_QUEUE_URL),
                HarnessEnvironment.lambdaName(HarnessEnvironment.RESULTS_TABLE), HarnessEnvironment.lambdaName(HarnessEnvironment.TEST_CONTEXT_BUCKET),
                HarnessEnvironment.lambdaName(HarnessEnvironment.DOUBLE_NAME));
        assertThat(environment.keySet()).allMatch(name -> name.matches("[a-zA-Z][a-zA-Z0-9_]+"));
    }
}
