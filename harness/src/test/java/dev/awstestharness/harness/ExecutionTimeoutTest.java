package dev.awstestharness.harness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** An execution that times out names the state it is in and the double that state waits for. */
@AwsTestHarness(template = TestTemplate.PATH)
class ExecutionTimeoutTest {
    @Test
    void namesTheDoubleWhoseTwinHasNotAnsweredYet(TestHarness harness) {
        CountDownLatch release = new CountDownLatch(1);
        harness.twinLambdaFunction("Alpha", event -> release.await(10, TimeUnit.SECONDS));
        try {
            assertThatThrownBy(() -> harness.stateMachine("Tiny").execute(Map.of("kind", "lambda", "payload", Map.of()), Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(" was still RUNNING after 500 ms, in state 'Invoke Alpha', which is waiting for the Lambda function "
                            + "double 'Alpha', which called in 1 time; its twin has not answered yet; give a longer timeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void namesTheDoubleThatHasNotCalledIn(TestHarness harness) {
        harness.twinStateMachine("Alpha", input -> Map.of());
        // the double will tag its call with another run's session, which this run ignores: it never calls in here
        try (S3Client s3 = harness.target().configure(S3Client.builder()).build()) {
            s3.putObject(r -> r.bucket(harness.target().ref("AWSTestHarnessTestContextBucket")).key("mocking-session-id"),
                    RequestBody.fromString("the-session-of-another-run"));
        }

        assertThatThrownBy(() -> harness.stateMachine("Tiny").execute(Map.of("kind", "stateMachine", "payload", Map.of()), Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(" was still RUNNING after 500 ms, in state 'Run Alpha state machine', which is waiting for the state "
                        + "machine double 'Alpha', which has not called in yet; give a longer timeout");
    }
}
