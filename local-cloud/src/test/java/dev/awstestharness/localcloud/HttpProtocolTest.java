package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.0 protocol as raw HTTP: what clients other than the AWS SDK see. */
class HttpProtocolTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LocalCloud cloud;
    static HttpClient http;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(cloud.endpoint().toString()).isEqualTo("http://127.0.0.1:" + cloud.port());
        assertThat(cloud.boundAddress().getAddress().isAnyLocalAddress()).isFalse();
        assertThat(cloud.boundAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void answersWithAwsJsonContentType() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.ListStateMachines", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JSON.readTree(response.body()).get("stateMachines").isArray()).isTrue();
    }

    @Test
    void aMalformedJsonBodyIsAClear400AndTheServerKeepsWorking() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.CreateStateMachine", "{\"name\": \"x\",");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").textValue()).isEqualTo("SerializationException");
        assertThat(error.get("message").textValue()).startsWith("The request body is not valid JSON: ").contains("line 1");
        assertThat(post("AWSStepFunctions.ListStateMachines", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.ListStateMachines", "[1]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").textValue()).isEqualTo("The request body must be a JSON object, but it is: [1]");
    }

    @Test
    void anEmptyBodyIsAnEmptyRequest() throws Exception {
        assertThat(post("AWSStepFunctions.ListStateMachines", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aFieldOfTheWrongTypeIsAValidationException() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.DescribeStateMachine", "{\"stateMachineArn\": 5}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").textValue()).isEqualTo("ValidationException");
        assertThat(error.get("message").textValue()).contains("'stateMachineArn' must be a string");
    }

    @Test
    void anUnknownOperationIsAnUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.FlyToTheMoon", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").textValue()).isEqualTo("UnknownOperationException");
        assertThat(error.get("message").textValue()).contains("FlyToTheMoon").contains("StartExecution");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void anUnknownServiceIsAnUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("Kinesis_20131202.ListStreams", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").textValue())
                .isEqualTo("No service of the local cloud handles the target 'Kinesis_20131202.ListStreams'");
    }

    @Test
    void aRequestWithoutTargetIsAnUnknownOperationException() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(cloud.endpoint().resolve("/nothing/here")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").textValue()).isEqualTo("No service of the local cloud handles GET /nothing/here");
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(cloud.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
