package dev.awstestharness.asl.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.path.DataScope;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One compiled JSONata expression (the text between {@code {%} and {@code %}}). Evaluation binds {@code $states}
 * ({@code input}, {@code result}, {@code errorOutput}, {@code context}) and every workflow variable in scope.
 * Compiled once; evaluation is thread-safe.
 */
public final class JsonataExpression {
    private final String source;
    private final Jsonata compiled;

    private JsonataExpression(String source, Jsonata compiled) {
        this.source = source;
        this.compiled = compiled;
    }

    /** Compiles an expression; throws IllegalArgumentException with the JSONata syntax error. */
    public static JsonataExpression compile(String source) {
        try {
            Jsonata compiled = Jsonata.jsonata(source);
            compiled.setOutputConvertNulls(false);
            StepFunctionsFunctions.registerOn(compiled);
            return new JsonataExpression(source, compiled);
        } catch (JException e) {
            throw new IllegalArgumentException(describe(e), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(String.valueOf(e.getMessage()), e);
        }
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates against a scope; returns a MissingNode when the expression selects nothing.
     *
     * @throws JsonataException when evaluation fails, with the JSONata error code and message
     * @throws JsonataValues.NotJsonException when the result is not JSON (a function, for example)
     */
    JsonNode evaluate(DataScope scope) {
        Jsonata.Frame frame = compiled.createFrame();
        frame.bind("states", new StatesVariable(scope));
        for (Map.Entry<String, JsonNode> variable : scope.variables().entrySet()) {
            frame.bind(variable.getKey(), JsonataValues.toJsonata(variable.getValue()));
        }
        Object result;
        try {
            result = compiled.evaluate(null, frame);
        } catch (JException e) {
            throw new JsonataException(describe(e));
        } catch (StackOverflowError e) {
            throw new JsonataException("The expression recursed too deeply");
        } catch (NumberFormatException e) {
            // jsonata-java lets $number's parse failure escape; the reference implementation raises D3030.
            throw new JsonataException("D3030: Unable to cast value to a number: " + e.getMessage().replaceFirst("^For input string: ", ""));
        } catch (RuntimeException e) {
            throw new JsonataException(String.valueOf(e.getMessage()));
        }
        return JsonataValues.toJson(result);
    }

    private static String describe(JException e) {
        String code = e.getError();
        String message = referenceWording(String.valueOf(e.getMessage()));
        if (code == null || code.isBlank() || message.startsWith(code)) return message;
        return code + ": " + message;
    }

    /**
     * jsonata-java's message catalogue says "Object" where the reference implementation says "function", and leaves
     * some placeholders unfilled; restore the reference wording.
     */
    private static String referenceWording(String message) {
        return message.replace(" of Object \"", " of function \"")
                .replace("does not match Object signature", "does not match function signature")
                .replaceAll("\\{\\{type}}", "the expected type")
                .replaceAll("\\{\\{token}}", "the operator");
    }

    /**
     * {@code $states}, whose members are converted only when an expression reads them: most expressions read one
     * member, and the context object or a large input need not be converted for the others.
     */
    private static final class StatesVariable extends AbstractMap<String, Object> {
        private final DataScope scope;
        private final Map<String, Object> converted = new java.util.HashMap<>(4);
        private Map<String, Object> members;

        StatesVariable(DataScope scope) {
            this.scope = scope;
        }

        @Override
        public Object get(Object key) {
            String name = String.valueOf(key);
            if (converted.containsKey(name)) return converted.get(name);
            Object value = switch (name) {
                case "input" -> JsonataValues.toJsonata(scope.input());
                case "context" -> JsonataValues.toJsonata(scope.context());
                case "result" -> JsonataValues.toJsonata(scope.result());
                case "errorOutput" -> JsonataValues.toJsonata(scope.errorOutput());
                default -> null;
            };
            converted.put(name, value);
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            if (members == null) {
                members = new LinkedHashMap<>();
                for (String key : new String[] {"input", "result", "errorOutput", "context"}) {
                    Object value = get(key);
                    if (value != null) members.put(key, value);
                }
            }
            return members.entrySet();
        }
    }
}
