package dev.awstestharness.infrastructure.macro;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import dev.awstestharness.infrastructure.internal.TestDoublesTransform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code AWSTestHarness-TestDoubles} CloudFormation macro: a Lambda handler
 * ({@code dev.awstestharness.infrastructure.macro.TestDoublesMacro::handleRequest}) implementing the macro contract.
 *
 * <p>Request: {@code region}, {@code accountId}, {@code fragment} (the template without its {@code Transform}),
 * {@code transformId}, {@code params}, {@code requestId}, {@code templateParameterValues} (the stack's parameter
 * values, defaults applied). Response: {@code requestId}, {@code status} ({@code success} or {@code failure}),
 * {@code fragment} (the template with the test doubles' parameters, conditions, resources and outputs merged in) and,
 * on failure, {@code errorMessage}, which CloudFormation shows as the change set's status reason: it names the
 * parameter or logical id at fault and what was expected.
 *
 * <p>The doubles come from the values of the five {@code AWSTestHarness*} parameters, parsed exactly as the harness
 * parses their defaults ({@link dev.awstestharness.doubles.contract.DoublesDeclaration}); where the relay's code and the
 * runner image are comes from the function's environment ({@link MacroEnvironment}).
 */
public final class TestDoublesMacro implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public static final String HANDLER = TestDoublesMacro.class.getName() + "::handleRequest";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Map<String, String> environment;

    /** As Lambda constructs it: configured by the process environment. */
    public TestDoublesMacro() {
        this(System.getenv());
    }

    public TestDoublesMacro(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object requestId = event == null ? null : event.get("requestId");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("requestId", requestId);
        try {
            ObjectNode fragment = transform(event);
            response.put("status", SUCCESS);
            response.put("fragment", JSON.convertValue(fragment, MAP));
        } catch (IllegalArgumentException | IllegalStateException e) {
            response.put("status", FAILURE);
            response.put("errorMessage", e.getMessage());
            response.put("fragment", event == null ? null : event.get("fragment"));
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            if (context != null && context.getLogger() != null) context.getLogger().log(trace.toString());
            else System.err.println(trace);
            response.put("status", FAILURE);
            response.put("errorMessage", "The " + TestDoublesMacro.class.getSimpleName() + " macro failed unexpectedly (" + e
                    + "); its log group has the details");
            response.put("fragment", event == null ? null : event.get("fragment"));
        }
        return response;
    }

    private ObjectNode transform(Map<String, Object> event) {
        if (event == null) throw new IllegalArgumentException("The macro was invoked without an event; CloudFormation sends one");
        JsonNode fragment = JSON.valueToTree(event.get("fragment"));
        if (fragment == null || !fragment.isObject()) {
            throw new IllegalArgumentException("The macro needs the template as 'fragment' (a mapping), but the request has "
                    + (fragment == null || fragment.isNull() ? "none" : fragment.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
                    + "; use it in the template's Transform section, not with Fn::Transform");
        }
        JsonNode values = JSON.valueToTree(event.get("templateParameterValues"));
        Map<String, JsonNode> parameterValues = new LinkedHashMap<>();
        if (values != null && values.isObject()) values.properties().forEach(entry -> parameterValues.put(entry.getKey(), entry.getValue()));
        TestDoublesSettings settings = MacroEnvironment.settings(environment);
        return TestDoublesTransform.apply((ObjectNode) fragment, parameterValues, settings, "the template");
    }
}
