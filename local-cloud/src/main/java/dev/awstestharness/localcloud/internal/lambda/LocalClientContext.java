package dev.awstestharness.localcloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The client context an invoker passes (X-Amz-Client-Context: base64 JSON with {@code custom} and {@code env} maps). */
record LocalClientContext(Map<String, String> custom, Map<String, String> environment) implements ClientContext {

    static LocalClientContext parse(String base64) {
        if (base64 == null || base64.isEmpty()) return null;
        try {
            JsonNode json = LocalJson.parse(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
            if (!json.isObject()) throw new IllegalArgumentException("not an object");
            return new LocalClientContext(strings(json.get("custom")), strings(json.get("env")));
        } catch (Exception e) {
            throw LambdaErrors.invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    @Override
    public Client getClient() {
        return null;
    }

    @Override
    public Map<String, String> getCustom() {
        return custom;
    }

    @Override
    public Map<String, String> getEnvironment() {
        return environment;
    }
}
