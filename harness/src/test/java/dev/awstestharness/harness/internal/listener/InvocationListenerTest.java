package dev.awstestharness.harness.internal.listener;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.InvocationResult;
import dev.awstestharness.doubles.contract.ResultsTable;
import dev.awstestharness.harness.internal.declaration.DeclarationReader;
import dev.awstestharness.harness.internal.declaration.TemplateSource;
import dev.awstestharness.harness.internal.target.LocalTarget;
import dev.awstestharness.harness.internal.twins.InvocationProblem;
import dev.awstestharness.harness.internal.twins.LambdaFunctionTwinImpl;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listener on its own, against a local target, without JUnit's extension. */
class InvocationListenerTest {
    private static LocalTarget target;

    @BeforeAll
    static void startTarget() {
        target = LocalTarget.start(DeclarationReader.read(TemplateSource.locate("harness-test/template.yaml", Path.of(""),
                InvocationListenerTest.class.getClassLoader())), 0);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @Test
    void answersTheCurrentSessionIgnoresOthersAndDropsMalformedMessages() throws Exception {
        AtomicReference<TestSession> current = new AtomicReference<>(new TestSession(UUID.randomUUID().toString(), "test"));
        current.get().twins().register(new LambdaFunctionTwinImpl("Alpha", event -> event.get("n").asInt() + 1));
        String queue = target.resources().eventsQueueUrl();
        try (InvocationListener listener = listener(current)) {
            Invocation mine = invocation("Alpha", current.get().id(), "{\"n\": 41}");
            Invocation theirs = invocation("Alpha", "another-session", "{\"n\": 1}");
            Invocation noTwin = invocation("Beta", current.get().id(), "{}");
            EventsQueue.send(target.clients().sqs(), queue, theirs);
            target.clients().sqs().sendMessage(r -> r.queueUrl(queue).messageBody("not an invocation").messageGroupId("g").messageDeduplicationId("d"));
            EventsQueue.send(target.clients().sqs(), queue, mine);
            EventsQueue.send(target.clients().sqs(), queue, noTwin);

            assertThat(result(mine)).isEqualTo(InvocationResult.value(json("42")));
            InvocationResult noTwinResult = result(noTwin);
            assertThat(noTwinResult.outcome()).isEqualTo(InvocationResult.Outcome.THROW);
            assertThat(noTwinResult.errorType()).isEqualTo(InvocationProblem.NO_TWIN);
            await(() -> listener.ignored() == 1 && listener.malformed() == 1);
            assertThat(result(theirs, Duration.ofMillis(50))).isEmpty();
            assertThat(listener.handled()).isEqualTo(2);
            assertThat(current.get().problems()).extracting(InvocationProblem::error).containsExactly(InvocationProblem.NO_TWIN);
        }
    }

    @Test
    void closesPromptlyWhileItsLongPollIsWaiting() throws Exception {
        InvocationListener listener = listener(new AtomicReference<>());
        Thread.sleep(50); // the long poll is waiting now

        long start = System.nanoTime();
        listener.close();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(listener.isRunning()).isFalse();
        assertThat(millis).as("milliseconds to close").isLessThan(1_000);
    }

    private static InvocationListener listener(AtomicReference<TestSession> current) {
        return new InvocationListener(target.clients().sqs(), target.resources().eventsQueueUrl(), current::get,
                new InvocationResponder(target.clients(), target.resources().resultsTable()), "test").start();
    }

    private static Invocation invocation(String target, String session, String payload) {
        return new Invocation(UUID.randomUUID().toString(), DoubleKind.LAMBDA_FUNCTION, target, json(payload), session, null);
    }

    private static InvocationResult result(Invocation invocation) throws InterruptedException {
        return result(invocation, Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("no result for " + invocation));
    }

    private static Optional<InvocationResult> result(Invocation invocation, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<InvocationResult> result = ResultsTable.findResult(target.clients().dynamoDb(), target.resources().resultsTable(),
                    invocation.resultKey());
            if (result.isPresent()) return result;
            Thread.sleep(1);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 5 s");
            Thread.sleep(1);
        }
    }
}
