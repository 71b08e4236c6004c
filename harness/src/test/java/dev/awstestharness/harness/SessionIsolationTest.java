package dev.awstestharness.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.doubles.contract.DoubleKind;
import dev.awstestharness.doubles.contract.EventsQueue;
import dev.awstestharness.doubles.contract.Invocation;
import dev.awstestharness.doubles.contract.ResultsTable;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@AwsTestHarness(template = TestTemplate.PATH)
class SessionIsolationTest {
    @Test
    void anInvocationOfAnotherSessionIsDeletedAndNeverHandled(TestHarness harness) throws Exception {
        var alpha = harness.twinLambdaFunction("Alpha", event -> "handled");
        HarnessTarget target = harness.target();
        String queue = target.ref("AWSTestHarnessEventsQueue");
        Invocation leftover = new Invocation(UUID.randomUUID().toString(), DoubleKind.LAMBDA_FUNCTION, "Alpha",
                Json.json("{\"leftover\": true}"), "an-earlier-session", null);
        try (SqsClient sqs = target.configure(SqsClient.builder()).build();
                DynamoDbClient dynamoDb = target.configure(DynamoDbClient.builder()).build()) {
            EventsQueue.send(sqs, queue, leftover);
            awaitEmpty(sqs, queue);
            harness.stateMachine("Tiny").execute(Map.of("kind", "lambda", "payload", Map.of("current", true))).assertSucceeded();

            assertThat(alpha.invocations()).containsExactly(Json.json("{\"current\": true}"));
            var item = dynamoDb.getItem(r -> r.tableName(target.ref("AWSTestHarnessResultsTable"))
                    .key(Map.of(ResultsTable.KEY, AttributeValue.fromS(leftover.resultKey()))).consistentRead(true));
            assertThat(item.hasItem() && !item.item().isEmpty()).as("a result for the leftover invocation").isFalse();
        }
    }

    @Test
    void theTargetGivesSdkAccessAndTheRefsAndAttributesOfItsResources(TestHarness harness) {
        HarnessTarget target = harness.target();

        assertThat(target.kind()).isEqualTo("local");
        assertThat(target.region()).isEqualTo("us-east-1");
        assertThat(target.endpoint()).hasValueSatisfying(endpoint -> assertThat(endpoint.getHost()).isEqualTo("127.0.0.1"));
        assertThat(target.ref("AlphaAWSTestHarnessS3Bucket")).isEqualTo(harness.s3Bucket("Alpha").name());
        assertThat(target.ref("Tiny")).isEqualTo(harness.stateMachine("Tiny").arn());
        assertThat(target.getAtt("AlphaAWSTestHarnessLambdaFunction", "Arn")).endsWith(":function:AlphaAWSTestHarnessLambdaFunction");
        harness.s3Bucket("Alpha").put("via-sdk.txt", "hello");
        try (S3Client s3 = target.configure(S3Client.builder()).build()) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(target.ref("AlphaAWSTestHarnessS3Bucket")).key("via-sdk.txt")).asUtf8String())
                    .isEqualTo("hello");
        } finally {
            harness.s3Bucket("Alpha").delete("via-sdk.txt");
        }
        assertThatThrownBy(() -> target.ref("Nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The local target has no resource 'Nope'; its resources are ");
        assertThatThrownBy(() -> target.getAtt("Tiny", "Nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the state machine under test Tiny (Tiny) has no attribute Nope; it has Arn, Name");
    }

    private static void awaitEmpty(SqsClient sqs, String queue) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            if ("0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("The events queue still has messages after 5 s");
    }
}
