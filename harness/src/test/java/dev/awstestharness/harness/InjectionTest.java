package dev.awstestharness.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@AwsTestHarness(template = TestTemplate.PATH)
class InjectionTest {
    private TestHarness field;
    private final TestHarness fromConstructor;
    private LambdaFunctionTwin registeredBeforeEach;

    InjectionTest(TestHarness harness) {
        this.fromConstructor = harness;
    }

    @BeforeEach
    void registerATwin(TestHarness harness) {
        registeredBeforeEach = harness.twinLambdaFunction("Alpha", event -> "from @BeforeEach");
    }

    @Test
    void theParameterTheFieldAndTheConstructorsHarnessAreTheSameTest(TestHarness parameter) {
        assertThat(field).isNotNull();
        assertThat(field.lambdaFunctionTwin("Alpha")).isSameAs(registeredBeforeEach);
        assertThat(fromConstructor.lambdaFunctionTwin("Alpha")).isSameAs(registeredBeforeEach);
        assertThat(parameter.lambdaFunctionTwin("Alpha")).isSameAs(registeredBeforeEach);

        var output = field.stateMachine("Tiny").execute(Map.of("kind", "lambda", "payload", Map.of())).output();

        assertThat(output.get("value").asText()).isEqualTo("from @BeforeEach");
    }

    @Test
    void eachTestStartsWithoutTheTwinsOfEarlierTests(TestHarness harness) {
        assertThat(harness.lambdaFunctionTwin("Alpha")).isSameAs(registeredBeforeEach);
        assertThat(registeredBeforeEach.invocations()).isEmpty();
    }

    @Nested
    class InANestedClass {
        private TestHarness nestedField;

        @Test
        void fieldsOfTheNestedAndTheOuterInstanceWork(TestHarness parameter) {
            assertThat(nestedField.lambdaFunctionTwin("Alpha")).isSameAs(registeredBeforeEach);
            assertThat(field.lambdaFunctionTwin("Alpha")).isSameAs(registeredBeforeEach);
        }
    }
}
