package dev.awstestharness.harness.internal.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.harness.internal.target.StackLease.Holder;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import dev.awstestharness.localcloud.LocalCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The lease on a stack, in a test-context bucket of the local cloud's S3 (which honours If-None-Match and If-Match). */
class StackLeaseTest {
    private static final String STACK = "stack 'shared-stack' in eu-west-1";
    private static LocalCloud cloud;
    private static SdkClients clients;
    private static S3Client s3;
    private String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().region("eu-west-1").start();
        clients = SdkClients.local(cloud.endpoint(), "eu-west-1");
        s3 = clients.s3();
    }

    @AfterAll
    static void stop() {
        clients.close();
        cloud.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = "test-context-" + System.nanoTime();
        s3.createBucket(r -> r.bucket(bucket));
    }

    private static Holder run(String user, String host, long pid) {
        return new Holder(java.util.UUID.randomUUID().toString(), user, host, pid, "template.yaml", Instant.parse("2025-03-01T12:00:00Z"));
    }

    @Test
    void aSecondRunFailsFastNamingTheRunThatHoldsTheStackAndWhenItsLeaseExpires() {
        try (StackLease first = StackLease.acquire(s3, bucket, STACK, run("alice", "build-7", 4242), Duration.ofMinutes(2))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> StackLease.acquire(s3, bucket, STACK, run("bob", "laptop", 99), Duration.ofMinutes(2)))
                    .isInstanceOf(TargetUnavailableException.class)
                    .hasMessageStartingWith("The stack 'shared-stack' in eu-west-1 is in use by another test run: alice@build-7 (pid 4242, "
                            + "template template.yaml, since 2025-03-01 12:00:00 UTC), whose lease expires at ")
                    .hasMessageMatching("(?s).* UTC \\(in 1[12]\\d s\\) unless that run renews it\\. .*")
                    .hasMessageEndingWith("Two runs against one stack would take each other's invocations, so this run does not start. Wait for "
                            + "that run to end, run against another stack (aws.test.harness.stackName), or, if that run is gone, wait for the "
                            + "lease to expire or delete s3://" + bucket + "/aws-test-harness-lease.json");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("how long the second run took to fail").isLessThan(Duration.ofSeconds(2));
            first.check();
        }
    }

    @Test
    void theHolderRenewsItsLeaseSoThatItOutlastsItsDuration() throws Exception {
        try (StackLease first = StackLease.acquire(s3, bucket, STACK, run("alice", "build-7", 1), Duration.ofSeconds(2))) {
            Thread.sleep(3_500);

            assertThatThrownBy(() -> StackLease.acquire(s3, bucket, STACK, run("bob", "laptop", 2), Duration.ofSeconds(2)))
                    .hasMessageContaining("is in use by another test run: alice@build-7");
            first.check();
        }
    }

    @Test
    void aLeaseLeftByARunThatDiedIsTakenOverOnceItHasExpired() throws Exception {
        writeLease("{\"owner\":\"dead\",\"user\":\"carol\",\"host\":\"ci-3\",\"pid\":77,\"template\":\"template.yaml\","
                + "\"acquiredAt\":\"2025-03-01T11:00:00Z\",\"leaseSeconds\":2}");
        assertThatThrownBy(() -> StackLease.acquire(s3, bucket, STACK, run("bob", "laptop", 2), Duration.ofMinutes(2)))
                .hasMessageContaining("is in use by another test run: carol@ci-3 (pid 77");

        Thread.sleep(3_000);

        try (StackLease taken = StackLease.acquire(s3, bucket, STACK, run("bob", "laptop", 2), Duration.ofMinutes(2))) {
            assertThat(taken.takenOver()).isNotNull();
            assertThat(taken.takenOver().holder().describe()).startsWith("carol@ci-3 (pid 77");
            assertThat(StackLease.read(s3, bucket, Duration.ofMinutes(2)).holder().user()).isEqualTo("bob");
        }
    }

    @Test
    void aRunWhoseLeaseWasTakenOverFailsItsNextTestAndLeavesTheOtherRunsLeaseAlone() throws Exception {
        StackLease first = StackLease.acquire(s3, bucket, STACK, run("alice", "build-7", 1), Duration.ofSeconds(1));
        // another run took the stack over, as it may once this run's lease has expired (a suspended JVM)
        writeLease("{\"owner\":\"other\",\"user\":\"dave\",\"host\":\"ci-9\",\"pid\":5,\"template\":\"template.yaml\","
                + "\"acquiredAt\":\"2025-03-01T12:00:00Z\",\"leaseSeconds\":120}");
        Thread.sleep(1_000);

        assertThatThrownBy(first::check).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("This test run lost its lease on the stack 'shared-stack' in eu-west-1: another run took it over: dave@ci-9 "
                        + "(pid 5, template template.yaml, since 2025-03-01 12:00:00 UTC), after this run had not renewed it for ")
                .hasMessageEndingWith("Invocations of the doubles may have gone to that run; run the tests again when it has ended");
        first.close();
        assertThat(StackLease.read(s3, bucket, Duration.ofMinutes(2)).holder().user()).isEqualTo("dave");
    }

    @Test
    void closingReleasesTheLeaseForTheNextRun() {
        StackLease first = StackLease.acquire(s3, bucket, STACK, run("alice", "build-7", 1), Duration.ofMinutes(2));
        first.close();

        assertThat(StackLease.read(s3, bucket, Duration.ofMinutes(2))).isNull();
        try (StackLease next = StackLease.acquire(s3, bucket, STACK, run("bob", "laptop", 2), Duration.ofMinutes(2))) {
            assertThat(next.takenOver()).isNull();
        }
    }

    @Test
    void ofRunsRacingForAFreeStackExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<StackLease>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long pid = i;
            runs.add(() -> StackLease.acquire(s3, bucket, STACK, run("runner", "host-" + pid, pid), Duration.ofMinutes(2)));
        }
        List<StackLease> winners = new ArrayList<>();
        List<Throwable> losers = new ArrayList<>();
        for (Future<StackLease> result : pool.invokeAll(runs)) {
            try {
                winners.add(result.get());
            } catch (java.util.concurrent.ExecutionException e) {
                losers.add(e.getCause());
            }
        }
        pool.shutdown();

        assertThat(winners).hasSize(1);
        assertThat(losers).hasSize(7).allSatisfy(loser -> assertThat(loser).isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("is in use by another test run: runner@host-" + winners.get(0).holder().pid()));
        winners.forEach(StackLease::close);
    }

    private void writeLease(String json) {
        s3.putObject(r -> r.bucket(bucket).key(StackLease.KEY), RequestBody.fromString(json));
    }
}
