package dev.awstestharness.infrastructure.macro;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.infrastructure.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Macro requests in the shape CloudFormation sends them (see the macro contract): the template without its
 * {@code Transform} as {@code fragment}, and {@code templateParameterValues} with the defaults applied, a
 * CommaDelimitedList as a list of strings.
 */
public final class MacroEvents {
    public static final String REQUEST_ID = "1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MacroEvents() {}

    /** The request for the example's template with its defaults. */
    public static Map<String, Object> example() {
        return request(Fixtures.exampleTemplate(), Map.of());
    }

    /** The request for {@code template}, {@code values} overriding its parameters' defaults. */
    public static Map<String, Object> request(JsonNode template, Map<String, Object> values) {
        ObjectNode fragment = template.deepCopy();
        fragment.remove("Transform");
        Map<String, Object> parameterValues = new LinkedHashMap<>();
        fragment.path("Parameters").properties().forEach(entry -> {
            JsonNode defaultValue = entry.getValue().get("Default");
            if (defaultValue == null) return;
            String type = entry.getValue().path("Type").asText();
            if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
                List<String> items = new ArrayList<>();
                for (String item : defaultValue.asText().split(",", -1)) items.add(item.trim());
                parameterValues.put(entry.getKey(), items);
            } else {
                parameterValues.put(entry.getKey(), defaultValue.asText());
            }
        });
        parameterValues.putAll(values);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("region", "eu-west-1");
        request.put("accountId", "123456789012");
        request.put("fragment", JSON.convertValue(fragment, new TypeReference<Map<String, Object>>() {}));
        request.put("transformId", "123456789012::AWSTestHarness-TestDoubles");
        request.put("params", Map.of());
        request.put("requestId", REQUEST_ID);
        request.put("templateParameterValues", parameterValues);
        return request;
    }

    /** The macro function's environment as the installation stack sets it (see InstallationTemplate). */
    public static Map<String, String> environment() {
        return Map.of(
                MacroEnvironment.MACRO_NAME, "AWSTestHarness-TestDoubles",
                MacroEnvironment.RELAY_CODE_BUCKET, Fixtures.SETTINGS.relayCode().bucket(),
                MacroEnvironment.RELAY_CODE_KEY, Fixtures.SETTINGS.relayCode().key(),
                MacroEnvironment.RUNNER_REPOSITORY_NAME, Fixtures.SETTINGS.runnerImage().repositoryName(),
                MacroEnvironment.RUNNER_IMAGE_TAG, Fixtures.SETTINGS.runnerImage().tag(),
                MacroEnvironment.LOG_GROUP_PREFIX, Fixtures.SETTINGS.logGroupPrefix(),
                MacroEnvironment.LOG_RETENTION_DAYS, Integer.toString(Fixtures.SETTINGS.logRetentionDays()),
                MacroEnvironment.RESULT_TIMEOUT_SECONDS, Integer.toString(Fixtures.SETTINGS.resultTimeoutSeconds()));
    }
}
