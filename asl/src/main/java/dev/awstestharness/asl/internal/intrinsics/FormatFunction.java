package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.json.Json;

/**
 * {@code States.Format(template, values...)}: each {@code {}} of the template replaced by the next value, rendered as
 * {@link JavaStyleText}. {@code \{}, {@code \}}, {@code \'} and {@code \\} stand for the character; any other brace is
 * an error, as is a count of values different from the count of placeholders.
 */
final class FormatFunction implements IntrinsicFunction {
    @Override
    public String name() {
        return "States.Format";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public int maxArguments() {
        return Integer.MAX_VALUE;
    }

    @Override
    public JsonNode apply(Arguments arguments) {
        String template = arguments.template(0);
        StringBuilder out = new StringBuilder(template.length() + 32);
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length() && isEscapable(template.charAt(i + 1))) {
                out.append(template.charAt(++i));
            } else if (c == '{') {
                if (i + 1 == template.length() || template.charAt(i + 1) != '}') {
                    throw arguments.invalid("the template has a '{' that does not open a {} placeholder at index " + i);
                }
                if (next == arguments.size()) {
                    throw arguments.invalid("the template has more {} placeholders than the " + (arguments.size() - 1)
                            + " value(s) given");
                }
                out.append(JavaStyleText.of(arguments.get(next++)));
                i++;
            } else if (c == '}') {
                throw arguments.invalid("the template has a '}' that does not close a {} placeholder at index " + i);
            } else {
                out.append(c);
            }
        }
        if (next != arguments.size()) {
            throw arguments.invalid("the template has " + (next - 1) + " {} placeholder(s) but "
                    + (arguments.size() - 1) + " values are given");
        }
        return Json.NODES.textNode(out.toString());
    }

    private static boolean isEscapable(char c) {
        return c == '{' || c == '}' || c == '\'' || c == '\\';
    }
}
