package dev.awstestharness.localcloud.internal.integrations;

import static dev.awstestharness.localcloud.internal.integrations.SqsAndDynamoDbClients.json;
import static dev.awstestharness.localcloud.internal.integrations.SqsAndDynamoDbClients.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.LocalCloud;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code arn:aws:states:::sqs:sendMessage} and its {@code .waitForTaskToken} pattern, through real state machines. */
class SqsSendMessageIntegrationTest {
    static LocalCloud cloud;
    static SqsAndDynamoDbClients clients;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        clients = new SqsAndDynamoDbClients(cloud);
    }

    @AfterAll
    static void stop() {
        clients.close();
        cloud.close();
    }

    static String queue() {
        return clients.sqs.createQueue(r -> r.queueName("integration-" + UUID.randomUUID())).queueUrl();
    }

    static List<Message> receive(String queueUrl) {
        return clients.sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    @Test
    void sendMessageReturnsTheIdDigestAndSdkMetadata() {
        String queue = queue();

        DescribeExecutionResponse execution = clients.run(task("arn:aws:states:::sqs:sendMessage",
                "{\"QueueUrl\":\"" + queue + "\",\"MessageBody.$\":\"$.text\"}"), "{\"text\":\"hello\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = json(execution.output());
        List<Message> messages = receive(queue);
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
        assertThat(output.get("MessageId").asText()).isEqualTo(messages.get(0).messageId());
        assertThat(output.get("MD5OfMessageBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(output.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(output.at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText()).isEqualTo("application/x-amz-json-1.0");
        assertThat(output.at("/SdkHttpMetadata/AllHttpHeaders/x-amzn-RequestId/0").asText())
                .isEqualTo(output.at("/SdkResponseMetadata/RequestId").asText()).isNotEmpty();
    }

    @Test
    void aJsonBodyIsSentAsItsJsonText() {
        String queue = queue();

        DescribeExecutionResponse execution = clients.run(task("arn:aws:states:::sqs:sendMessage",
                "{\"QueueUrl\":\"" + queue + "\",\"MessageBody\":{\"order.$\":\"$.order\",\"items\":[1,2]}}"), "{\"order\":42}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(receive(queue).get(0).body())).isEqualTo(json("{\"order\":42,\"items\":[1,2]}"));
    }

    @Test
    void attributesGroupAndDeduplicationIdsReachAFifoQueue() {
        String queue = clients.sqs.createQueue(r -> r.queueName("integration-" + UUID.randomUUID() + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String parameters = "{\"QueueUrl\":\"" + queue + "\",\"MessageBody\":\"m\",\"MessageGroupId\":\"g1\",\"MessageDeduplicationId\":\"d1\","
                + "\"MessageAttributes\":{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"order\"}}}";

        DescribeExecutionResponse first = clients.run(task("arn:aws:states:::sqs:sendMessage", parameters), "{}");
        DescribeExecutionResponse duplicate = clients.run(task("arn:aws:states:::sqs:sendMessage", parameters), "{}");

        assertThat(json(first.output()).get("MessageId")).isEqualTo(json(duplicate.output()).get("MessageId"));
        assertThat(json(first.output()).has("MD5OfMessageAttributes")).isTrue();
        assertThat(receive(queue)).singleElement().satisfies(m -> {
            assertThat(m.attributesAsStrings()).containsEntry("MessageGroupId", "g1").containsEntry("MessageDeduplicationId", "d1");
            assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("order");
        });
    }

    @Test
    void waitForTaskTokenWaitsForTheCallbackSentByTheConsumer() {
        String queue = queue();
        String definition = task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "{\"QueueUrl\":\"" + queue + "\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\",\"input.$\":\"$\"}}");

        String executionArn = clients.start(definition, "{\"n\":7}");
        JsonNode body = json(receive(queue).get(0).body());
        clients.sfn.sendTaskSuccess(r -> r.taskToken(body.get("token").asText()).output("{\"doubled\":" + body.at("/input/n").asInt() * 2 + "}"));
        DescribeExecutionResponse execution = clients.await(executionArn);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(execution.output())).isEqualTo(json("{\"doubled\":14}"));
    }

    @Test
    void aCallbackFailureFailsTheTask() {
        String queue = queue();
        String executionArn = clients.start(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "{\"QueueUrl\":\"" + queue + "\",\"MessageBody.$\":\"$$.Task.Token\"}"), "{}");

        clients.sfn.sendTaskFailure(r -> r.taskToken(receive(queue).get(0).body()).error("Consumer.Rejected").cause("no stock"));
        DescribeExecutionResponse execution = clients.await(executionArn);

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("Consumer.Rejected");
        assertThat(execution.cause()).isEqualTo("no stock");
    }

    @Test
    void aTaskTokenWaitEndsWithStatesTimeoutWhenNobodyCallsBack() {
        String queue = queue();
        String definition = "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                + "\"TimeoutSeconds\":1,\"Parameters\":{\"QueueUrl\":\"" + queue + "\",\"MessageBody.$\":\"$$.Task.Token\"},\"End\":true}}}";

        DescribeExecutionResponse execution = clients.run(definition, "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.Timeout");
    }

    @Test
    void aMissingQueueFailsWithQueueDoesNotExist() {
        DescribeExecutionResponse execution = clients.run(task("arn:aws:states:::sqs:sendMessage",
                "{\"QueueUrl\":\"" + cloud.endpoint() + "/123456789012/missing\",\"MessageBody\":\"x\"}"), "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("SQS.QueueDoesNotExistException");
        assertThat(execution.cause()).startsWith("The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; "
                + "Error Code: AWS.SimpleQueueService.NonExistentQueue; Request ID: ").endsWith("; Proxy: null)");
    }

    @Test
    void otherSqsErrorsAreAmazonSqsExceptionsAndCanBeCaught() {
        String queue = clients.sqs.createQueue(r -> r.queueName("integration-" + UUID.randomUUID() + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String definition = "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                + "\"Parameters\":{\"QueueUrl\":\"" + queue + "\",\"MessageBody\":\"no group\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"SQS.AmazonSQSException\"],\"Next\":\"Caught\"}],\"End\":true},"
                + "\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}";

        DescribeExecutionResponse execution = clients.run(definition, "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode caught = json(execution.output());
        assertThat(caught.get("Error").asText()).isEqualTo("SQS.AmazonSQSException");
        assertThat(caught.get("Cause").asText()).startsWith("The request must contain the parameter MessageGroupId. (Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter;");
    }
}
