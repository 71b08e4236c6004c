package dev.awstestharness.localcloud.internal.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.localcloud.LocalCloud;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQS's query protocol (form-encoded requests, XML responses), as CLIs and SDKs from before November 2023 send it. */
class SqsQueryProtocolTest {
    static LocalCloud cloud;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static HttpResponse<String> post(Map<String, String> parameters) throws Exception {
        String form = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(cloud.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("Version", "2012-11-05");
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    @Test
    void createSendAndReceiveAnswerInSqsXml() throws Exception {
        HttpResponse<String> created = post(params("Action", "CreateQueue", "QueueName", "query-queue",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "5"));
        String url = cloud.endpoint() + "/123456789012/query-queue";
        HttpResponse<String> sent = post(params("Action", "SendMessage", "QueueUrl", url, "MessageBody", "hello & <bye>",
                "MessageAttribute.1.Name", "kind", "MessageAttribute.1.Value.DataType", "String", "MessageAttribute.1.Value.StringValue", "order"));
        HttpResponse<String> received = post(params("Action", "ReceiveMessage", "QueueUrl", url, "AttributeName.1", "All",
                "MessageAttributeName.1", "All"));
        HttpResponse<String> attributes = post(params("Action", "GetQueueAttributes", "QueueUrl", url, "AttributeName.1", "VisibilityTimeout"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<CreateQueueResult><QueueUrl>" + url + "</QueueUrl></CreateQueueResult>");
        assertThat(sent.body()).contains("<MD5OfMessageBody>").contains("<MD5OfMessageAttributes>").contains("<MessageId>");
        assertThat(received.body()).contains("<Body>hello &amp; &lt;bye&gt;</Body>")
                .contains("<MessageAttribute><Name>kind</Name><Value><StringValue>order</StringValue><DataType>String</DataType></Value></MessageAttribute>")
                .contains("<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>");
        assertThat(attributes.body()).contains("<Attribute><Name>VisibilityTimeout</Name><Value>5</Value></Attribute>");
    }

    @Test
    void anEmptyReceiveStillHasItsResultElement() throws Exception {
        post(params("Action", "CreateQueue", "QueueName", "query-empty"));

        HttpResponse<String> received = post(params("Action", "ReceiveMessage", "QueueUrl", cloud.endpoint() + "/123456789012/query-empty"));

        assertThat(received.body()).contains("<ReceiveMessageResult></ReceiveMessageResult>");
    }

    @Test
    void batchEntriesAreRead() throws Exception {
        post(params("Action", "CreateQueue", "QueueName", "query-batch"));

        HttpResponse<String> sent = post(params("Action", "SendMessageBatch", "QueueUrl", cloud.endpoint() + "/123456789012/query-batch",
                "SendMessageBatchRequestEntry.1.Id", "a", "SendMessageBatchRequestEntry.1.MessageBody", "one",
                "SendMessageBatchRequestEntry.2.Id", "b", "SendMessageBatchRequestEntry.2.MessageBody", "two",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "5"));

        assertThat(sent.body()).contains("<SendMessageBatchResultEntry><Id>a</Id>").contains("<SendMessageBatchResultEntry><Id>b</Id>");
    }

    @Test
    void errorsAreSqsXmlErrorsWithTheLegacyCode() throws Exception {
        HttpResponse<String> missing = post(params("Action", "GetQueueUrl", "QueueName", "no-such-queue"));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>"
                + "<Message>The specified queue does not exist.</Message><Detail/></Error>");
    }
}
