package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.template.PayloadTemplate;
import java.util.Iterator;
import java.util.regex.Pattern;

/** Parses {@code Assign}: an object whose keys are variable names (with {@code .$} for JSONPath expressions). */
final class AssignParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");

    private AssignParser() {}

    static PayloadTemplate jsonPath(ObjectReader reader) {
        return checked(reader) ? reader.template("Assign") : null;
    }

    static JsonataTemplate jsonata(ObjectReader reader) {
        return checked(reader) ? reader.jsonata("Assign") : null;
    }

    /** Whether an Assign is present and is an object; reports bad variable names. */
    private static boolean checked(ObjectReader reader) {
        JsonNode assign = reader.raw("Assign");
        if (assign == null) return false;
        if (!assign.isObject()) {
            reader.problems().schema(reader.pointer("Assign"), "Expected value of type: Object");
            return false;
        }
        for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
            if (!NAME.matcher(name).matches() || name.equals("states")) {
                reader.problems().schema(reader.pointer("Assign") + "/" + key, "The variable name '" + name
                        + "' is not valid: it must start with a letter or '_', hold only letters, digits and '_', be at most 80"
                        + " characters long and not be the reserved name 'states'");
            }
        }
        return true;
    }
}
