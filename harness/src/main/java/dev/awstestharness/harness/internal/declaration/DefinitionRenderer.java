package dev.awstestharness.harness.internal.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.harness.internal.declaration.Declaration.Definition;
import dev.awstestharness.harness.internal.declaration.Declaration.StateMachineUnderTest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a state machine under test into the definition JSON that CreateStateMachine gets, as CloudFormation does: the
 * {@code DefinitionSubstitutions} are resolved (their intrinsic functions evaluated against the target's resources) and
 * each {@code ${Name}} placeholder in the definition text is replaced by its value; a YAML definition file becomes JSON.
 */
public final class DefinitionRenderer {
    private final Intrinsics intrinsics;
    private final String file;

    public DefinitionRenderer(Intrinsics intrinsics, TemplateSource source) {
        this.intrinsics = intrinsics;
        this.file = source.name();
    }

    /** The definition as JSON text, ready for CreateStateMachine. */
    public String render(StateMachineUnderTest machine) {
        Map<String, String> substitutions = substitutions(machine);
        Definition definition = machine.definition();
        String field = machine.field(definition.property());
        return switch (definition.property()) {
            case "DefinitionUri" -> {
                String text = substitute(definition.fileText(), substitutions);
                String name = file + ": " + field + " (" + definition.file() + ")";
                JsonNode parsed = DeclarationReader.parse(text, definition.file() + " (" + field + " of " + file + ")");
                if (!parsed.isObject()) throw new TemplateException(name + ": the definition must be a mapping with StartAt and States");
                yield parsed.toString();
            }
            case "Definition" -> {
                JsonNode resolved = intrinsics.resolve(definition.value(), field);
                yield substitute(resolved.toString(), substitutions);
            }
            default -> {
                JsonNode resolved = intrinsics.resolve(definition.value(), field);
                if (!resolved.isTextual()) {
                    throw new TemplateException(file + ": " + field + ": must be the definition as a JSON string, but is "
                            + DeclarationReader.describe(resolved));
                }
                yield substitute(resolved.asText(), substitutions);
            }
        };
    }

    /** The resolved substitutions of a state machine. */
    public Map<String, String> substitutions(StateMachineUnderTest machine) {
        Map<String, String> values = new LinkedHashMap<>();
        machine.substitutions().properties().forEach(entry -> values.put(entry.getKey(),
                intrinsics.resolveScalar(entry.getValue(), machine.field("DefinitionSubstitutions." + entry.getKey()))));
        return values;
    }

    /** Replaces each {@code ${name}} with its value; other {@code ${...}} stay as they are. */
    static String substitute(String text, Map<String, String> substitutions) {
        if (substitutions.isEmpty() || !text.contains("${")) return text;
        StringBuilder result = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                result.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                result.append(text, i, text.length());
                break;
            }
            String value = substitutions.get(text.substring(start + 2, end));
            if (value == null) {
                result.append(text, i, start + 2);
                i = start + 2;
            } else {
                result.append(text, i, start).append(value);
                i = end + 1;
            }
        }
        return result.toString();
    }
}
