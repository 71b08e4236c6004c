package dev.awstestharness.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.awstestharness.example.fixtures.FixtureRun;
import dev.awstestharness.example.fixtures.NoTwinTestCase;
import dev.awstestharness.example.fixtures.ThrowingTwinTestCase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * A double called without a twin, or whose twin throws, fails its invocation at once and the test with a message
 * naming the double (scenario 13). The failing tests are the fixtures {@code *TestCase}, run here through the JUnit
 * Platform test kit.
 */
class FailFastTest {
    /**
     * Far less than any double's timeout: a relay that waited for an answer would wait its function's timeout (seconds);
     * an invocation answered at once ends in milliseconds.
     */
    private static final Duration FAST = Duration.ofSeconds(2);

    @Test
    void failsTheTestAtOnceWhenADoubleHasNoTwin() {
        Throwable failure = onlyFailureOf(NoTwinTestCase.class);

        assertThat(failure).hasMessageContaining("First").hasMessageContaining("twin");
        FixtureRun run = NoTwinTestCase.lastRun;
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.failure().error()).isEqualTo("AwsTestHarness.NoTwin");
        assertThat(run.failure().cause()).contains("First");
        assertThat(run.duration()).isLessThan(FAST);
    }

    @Test
    void failsTheTestAtOnceWhenATwinThrows() {
        Throwable failure = onlyFailureOf(ThrowingTwinTestCase.class);

        assertThat(failure).hasMessageContaining("First").hasMessageContaining(ThrowingTwinTestCase.BUG);
        FixtureRun run = ThrowingTwinTestCase.lastRun;
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.failure().error()).isEqualTo("AwsTestHarness.TwinFailed");
        assertThat(run.failure().cause()).contains("First").contains(ThrowingTwinTestCase.BUG);
        assertThat(run.duration()).isLessThan(FAST);
    }

    /** Runs the one test of {@code fixture} and returns why it failed; fails unless it failed, and within {@link #FAST}. */
    private static Throwable onlyFailureOf(Class<?> fixture) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
        tests.assertStatistics(stats -> stats.started(1).succeeded(0).failed(1));
        Event started = tests.started().list().get(0);
        Event finished = tests.finished().list().get(0);
        assertThat(Duration.between(started.getTimestamp(), finished.getTimestamp())).as("the time the fixture test took").isLessThan(FAST);
        return finished.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
