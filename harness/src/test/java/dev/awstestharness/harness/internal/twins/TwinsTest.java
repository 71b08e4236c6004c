package dev.awstestharness.harness.internal.twins;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.harness.ExecutionFailure;
import dev.awstestharness.harness.ExitCode;
import dev.awstestharness.harness.TaskContext;
import dev.awstestharness.harness.ThrownException;
import dev.awstestharness.harness.internal.twins.AbstractTwin.InvalidAnswerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TwinsTest {
    @Test
    void awaitingInvocationsReturnsOnceTheyHaveArrived() throws Exception {
        var twin = new LambdaFunctionTwinImpl("First", event -> event);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            caller.submit(() -> {
                Thread.sleep(50);
                return twin.answer(json("{\"n\": 1}"));
            });

            assertThat(twin.awaitInvocations(1, java.time.Duration.ofSeconds(10))).containsExactly(json("{\"n\": 1}"));
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void awaitingInvocationsThatDoNotComeSaysWhichDoubleHadHowMany() throws Exception {
        var twin = new LambdaFunctionTwinImpl("First", event -> event);
        twin.answer(json("{\"n\": 1}"));

        assertThatThrownBy(() -> twin.awaitInvocations(2, java.time.Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("The Lambda function double 'First' was called 1 times within 50 ms, not the 2 awaited; its calls: [{\"n\":1}]");
    }

    @Test
    void lambdaTwinsAnswerWithValuesOrThrownExceptions() throws Exception {
        var twin = new LambdaFunctionTwinImpl("First", event -> event.get("fail").asBoolean()
                ? ThrownException.withMessage("failed").ofType("Custom") : java.util.Map.of("ok", true));

        assertThat(twin.answer(json("{\"fail\": false}"))).isEqualTo(InvocationResult.value(json("{\"ok\": true}")));
        assertThat(twin.answer(json("{\"fail\": true}"))).isEqualTo(InvocationResult.thrown("Custom", "failed"));
        assertThat(twin.invocations()).containsExactly(json("{\"fail\": false}"), json("{\"fail\": true}"));
    }

    @Test
    void answersOfTheWrongKindSayWhatToReturn() {
        assertThatThrownBy(() -> new LambdaFunctionTwinImpl("First", event -> ExitCode.SUCCESS).answer(json("{}")))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("returned an ExitCode");
        assertThatThrownBy(() -> new StateMachineTwinImpl("First", input -> ThrownException.withMessage("x")).answer(json("{}")))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("ExecutionFailure.of(error, cause)");
        assertThatThrownBy(() -> new EcsTaskContainerTwinImpl("First", "Blue", task -> null).answer(json("{}")))
                .isInstanceOf(InvalidAnswerException.class).hasMessageContaining("returned null");
    }

    @Test
    void stateMachineTwinsAnswerWithOutputsOrFailures() throws Exception {
        var twin = new StateMachineTwinImpl("First", input -> input.has("fail") ? ExecutionFailure.of("E", "C") : input);

        assertThat(twin.answer(json("{\"a\": 1}"))).isEqualTo(InvocationResult.value(json("{\"a\": 1}")));
        assertThat(twin.answer(json("{\"fail\": 1}"))).isEqualTo(InvocationResult.failure("E", "C"));
    }

    @Test
    void containerTwinsGetTheTaskContextAndAnswerWithTheExitCode() throws Exception {
        List<TaskContext> seen = new ArrayList<>();
        var twin = new EcsTaskContainerTwinImpl("First", "Blue", task -> {
            seen.add(task);
            return ExitCode.of(task.commandArgs().size());
        });

        InvocationResult result = twin.answer(json("{\"commandArgs\": [\"a\", \"b\"], \"environment\": {\"NAME\": \"value\"}}"));

        assertThat(result).isEqualTo(InvocationResult.exit(2));
        assertThat(seen).containsExactly(new TaskContext(List.of("a", "b"), java.util.Map.of("NAME", "value")));
        assertThat(twin.invocations()).isEqualTo(seen);
        assertThat(twin.name()).isEqualTo("First#Blue");
        assertThat(twin.description()).isEqualTo("the container 'Blue' of the ECS task double 'First'");
    }

    @Test
    void theRegistryReplacesTwinsAndNamesTheRegisteredOnesWhenALookupFails() {
        TwinRegistry registry = new TwinRegistry();
        var first = registry.register(new LambdaFunctionTwinImpl("First", event -> 1));
        var replacement = registry.register(new LambdaFunctionTwinImpl("First", event -> 2));
        registry.register(new StateMachineTwinImpl("First", input -> 3));

        assertThat(registry.find(DoubleKind.LAMBDA_FUNCTION, "First")).isSameAs(replacement).isNotSameAs(first);
        assertThat(registry.find(DoubleKind.STATE_MACHINE, "First")).isInstanceOf(StateMachineTwinImpl.class);
        assertThat(registry.find(DoubleKind.LAMBDA_FUNCTION, "Second")).isNull();
        assertThatThrownBy(() -> registry.get(LambdaFunctionTwinImpl.class, DoubleKind.LAMBDA_FUNCTION, "Second", "the Lambda function double "
                + "'Second'", "harness.twinLambdaFunction(\"Second\", event -> ...)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No twin is registered for the Lambda function double 'Second' in this test; the registered twins are: the Lambda "
                        + "function double 'First', the state machine double 'First'. Register one with harness.twinLambdaFunction(\"Second\", "
                        + "event -> ...)");
    }

    @Test
    void concurrentInvocationsAreAllRecorded() throws Exception {
        var twin = new LambdaFunctionTwinImpl("First", event -> event);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int value = i;
            futures.add(pool.submit(() -> {
                start.await();
                return twin.answer(json("{\"i\": " + value + "}"));
            }));
        }
        start.countDown();
        for (Future<?> future : futures) future.get();
        pool.shutdown();

        assertThat(twin.invocations()).hasSize(200).doesNotHaveDuplicates();
        assertThat(twin.invocationCount()).isEqualTo(200);
    }
}
