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
     * Far less than any double's timeout: a relay that waited for an answer would wait a minute; an invocation answered
     * at once ends in milliseconds locally, and within the seconds a cold relay function takes to start on AWS.
     */
    static Duration fast(String target) {
        return target.equals("aws") ? Duration.ofSeconds(30) : Duration.ofSeconds(2);
    }

    @Test
    void failsTheTestAtOnceWhenADoubleHasNoTwin() {
        FixtureFailure failure = onlyFailureOf(NoTwinTestCase.class);
        FixtureRun run = NoTwinTestCase.lastRun;

        assertThat(failure.cause()).hasMessageContaining("First").hasMessageContaining("twin");
        assertThat(failure.duration()).as("the time the fixture test took").isLessThan(fast(run.target()));
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.failure().error()).isEqualTo("AwsTestHarness.NoTwin");
        assertThat(run.failure().cause()).contains("First");
        assertThat(run.duration()).isLessThan(fast(run.target()));
    }

    @Test
    void failsTheTestAtOnceWhenATwinThrows() {
        FixtureFailure failure = onlyFailureOf(ThrowingTwinTestCase.class);
        FixtureRun run = ThrowingTwinTestCase.lastRun;

        assertThat(failure.cause()).hasMessageContaining("First").hasMessageContaining(ThrowingTwinTestCase.BUG);
        assertThat(failure.duration()).as("the time the fixture test took").isLessThan(fast(run.target()));
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.failure().error()).isEqualTo("AwsTestHarness.TwinFailed");
        assertThat(run.failure().cause()).contains("First").contains(ThrowingTwinTestCase.BUG);
        assertThat(run.duration()).isLessThan(fast(run.target()));
    }

    /** Why the one test of a fixture failed, and how long it took. */
    record FixtureFailure(Throwable cause, Duration duration) {}

    /**
     * Runs the one test of {@code fixture} (with this run's configuration: system properties such as
     * {@code aws.test.harness.target} reach it) and returns why it failed; fails unless it failed.
     */
    private static FixtureFailure onlyFailureOf(Class<?> fixture) {
        Events tests = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true).selectors(selectClass(fixture))
                .execute().testEvents();
        tests.assertStatistics(stats -> stats.started(1).succeeded(0).failed(1));
        Event started = tests.started().list().get(0);
        Event finished = tests.finished().list().get(0);
        return new FixtureFailure(finished.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow(),
                Duration.between(started.getTimestamp(), finished.getTimestamp()));
    }
}
