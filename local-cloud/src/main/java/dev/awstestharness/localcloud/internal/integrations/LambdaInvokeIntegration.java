package dev.awstestharness.localcloud.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.spi.IntegrationPattern;
import dev.awstestharness.asl.spi.ServiceIntegration;
import dev.awstestharness.asl.spi.TaskRequest;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import dev.awstestharness.localcloud.internal.lambda.InvocationResult;
import dev.awstestharness.localcloud.internal.lambda.InvokeRequest;
import dev.awstestharness.localcloud.internal.lambda.LambdaService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code arn:aws:states:::lambda:invoke} (and {@code .waitForTaskToken}): invokes a local function with the
 * parameters FunctionName, Payload (a string is sent as it is, any other JSON as its text), InvocationType,
 * Qualifier, ClientContext and LogType, and returns the Invoke response as Step Functions shows it:
 * {@code {ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}} with the payload parsed as JSON.
 */
public final class LambdaInvokeIntegration implements ServiceIntegration {
    public static final String RESOURCE = "arn:aws:states:::lambda:invoke";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final LambdaService lambda;

    public LambdaInvokeIntegration(LambdaService lambda) {
        this.lambda = lambda;
    }

    @Override
    public Set<IntegrationPattern> patterns() {
        return EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskRequest request) {
        JsonNode parameters = request.parameters();
        JsonNode functionName = parameters.get("FunctionName");
        if (functionName == null || !functionName.isTextual()) {
            throw new StatesError("States.Runtime", "The parameters of lambda:invoke need a string 'FunctionName' but were "
                    + LocalJson.write(parameters));
        }
        InvokeRequest invoke = new InvokeRequest(functionName.textValue(), text(parameters, "Qualifier"), text(parameters, "InvocationType"),
                text(parameters, "LogType"), text(parameters, "ClientContext"), payload(parameters.get("Payload")));
        CompletableFuture<InvocationResult> result;
        try {
            result = lambda.invoke(invoke);
        } catch (AwsServiceException e) {
            throw LambdaTaskFailures.apiError(e);
        }
        return result.thenApply(invocation -> {
            if (invocation.functionError() != null) throw LambdaTaskFailures.functionError(invocation);
            return response(invocation);
        });
    }

    private static byte[] payload(JsonNode payload) {
        if (payload == null || payload.isNull()) return new byte[0];
        if (payload.isTextual()) return payload.textValue().getBytes(StandardCharsets.UTF_8);
        return LocalJson.bytes(payload);
    }

    private static String text(JsonNode parameters, String field) {
        JsonNode value = parameters.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The SDK response Step Functions serializes: the HTTP metadata is the local answer's. */
    private static ObjectNode response(InvocationResult invocation) {
        ObjectNode response = LocalJson.object();
        response.put("ExecutedVersion", invocation.executedVersion());
        if (invocation.logResult() != null) response.put("LogResult", invocation.logResult());
        if (invocation.statusCode() == 200) {
            response.set("Payload", LambdaTaskFailures.payload(invocation.payload()));
        } else {
            response.put("Payload", "");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (invocation.logResult() != null) headers.put("X-Amz-Log-Result", invocation.logResult());
        headers.put("X-Amz-Executed-Version", invocation.executedVersion());
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("Connection", "keep-alive");
        headers.put("x-amzn-RequestId", invocation.requestId());
        headers.put("Content-Length", Integer.toString(invocation.payload().length));
        headers.put("Date", HTTP_DATE.format(Instant.now()));
        headers.put("X-Amzn-Trace-Id", "root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + HexFormat.of().formatHex(randomBytes(12)) + ";sampled=0");
        headers.put("Content-Type", "application/json");
        ObjectNode metadata = response.putObject("SdkHttpMetadata");
        ObjectNode all = metadata.putObject("AllHttpHeaders");
        headers.forEach((name, value) -> {
            ArrayNode values = all.putArray(name);
            values.add(value);
        });
        ObjectNode sorted = metadata.putObject("HttpHeaders");
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        metadata.put("HttpStatusCode", invocation.statusCode());
        response.putObject("SdkResponseMetadata").put("RequestId", invocation.requestId());
        response.put("StatusCode", invocation.statusCode());
        return response;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
