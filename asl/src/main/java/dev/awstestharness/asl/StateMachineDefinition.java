package dev.awstestharness.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;
import dev.awstestharness.asl.internal.parse.DefinitionParser;
import java.util.List;

/**
 * A parsed and validated Amazon States Language definition, ready to run. Parsing checks everything that
 * CreateStateMachine checks, so a definition that parses will not fail later for a reason knowable up front.
 */
public final class StateMachineDefinition {
    private final JsonNode document;
    private final DefinitionParser.ParsedDefinition parsed;

    private StateMachineDefinition(JsonNode document, DefinitionParser.ParsedDefinition parsed) {
        this.document = document;
        this.parsed = parsed;
    }

    /**
     * Parses a definition written in JSON or YAML.
     *
     * @throws InvalidDefinitionException when the text is not a valid definition, listing every problem
     */
    public static StateMachineDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("INVALID_JSON_DESCRIPTION", "The definition is empty", null)));
        }
        JsonNode document;
        try {
            document = text.stripLeading().startsWith("{") ? Json.MAPPER.readTree(text) : Json.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("INVALID_JSON_DESCRIPTION",
                    "The definition is not valid JSON or YAML: " + e.getOriginalMessage()
                            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"),
                    null)));
        }
        return parse(document);
    }

    /** Parses a definition already read as JSON. */
    public static StateMachineDefinition parse(JsonNode document) {
        return new StateMachineDefinition(document, DefinitionParser.parse(document));
    }

    /** The definition as JSON (YAML input is converted). */
    public JsonNode document() {
        return document;
    }

    /** The definition as compact JSON text. */
    public String toJson() {
        return Json.write(document);
    }

    /** {@code TimeoutSeconds} of the state machine, or {@code null}. */
    public Long timeoutSeconds() {
        return parsed.timeoutSeconds();
    }

    DefinitionParser.ParsedDefinition parsed() {
        return parsed;
    }
}
