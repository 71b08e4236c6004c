package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.model.Catcher;
import dev.awstestharness.asl.internal.model.JsonPathIo;
import dev.awstestharness.asl.internal.model.JsonataIo;
import dev.awstestharness.asl.internal.model.PathField;
import dev.awstestharness.asl.internal.model.QueryLanguage;
import dev.awstestharness.asl.internal.model.StateIo;
import dev.awstestharness.asl.internal.model.ErrorHandling;
import dev.awstestharness.asl.internal.model.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses and checks {@code Retry} and {@code Catch}. */
final class ErrorHandlingParser {
    private static final Set<String> RETRIER_FIELDS =
            Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment");

    private ErrorHandlingParser() {}

    static ErrorHandling parse(ObjectReader state, List<Transition> transitions, QueryLanguage language) {
        List<Retrier> retriers = parseRetry(state);
        List<Catcher> catchers = parseCatch(state, transitions, language);
        return retriers.isEmpty() && catchers.isEmpty() ? ErrorHandling.NONE : new ErrorHandling(retriers, catchers);
    }

    private static List<Retrier> parseRetry(ObjectReader state) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = state.raw("Retry");
        if (retry == null) return retriers;
        if (!retry.isArray()) {
            state.problems().schema(state.pointer("Retry"), "Expected value of type: Array");
            return retriers;
        }
        for (int i = 0; i < retry.size(); i++) {
            String pointer = state.pointer("Retry") + "[" + i + "]";
            if (!retry.get(i).isObject()) {
                state.problems().schema(pointer, "Expected value of type: Object");
                continue;
            }
            ObjectReader retrier = new ObjectReader(retry.get(i), pointer, state.problems());
            retrier.checkFields(RETRIER_FIELDS, Set.of(), "a Retrier");
            List<String> errors = errorEquals(retrier, i == retry.size() - 1);
            Long interval = retrier.integer("IntervalSeconds", 1);
            Long maxAttempts = retrier.integer("MaxAttempts", 0);
            Double backoff = retrier.number("BackoffRate", 1.0, Double.MAX_VALUE);
            Long maxDelay = retrier.integer("MaxDelaySeconds", 1);
            String jitter = retrier.string("JitterStrategy", false);
            Retrier.JitterStrategy jitterStrategy = Retrier.JitterStrategy.NONE;
            if (jitter != null) {
                try {
                    jitterStrategy = Retrier.JitterStrategy.valueOf(jitter);
                } catch (IllegalArgumentException e) {
                    state.problems().schema(retrier.pointer("JitterStrategy"), "The value must be one of FULL, NONE but was '" + jitter + "'");
                }
            }
            retriers.add(new Retrier(errors,
                    interval == null ? 1 : interval,
                    maxAttempts == null ? 3 : maxAttempts.intValue(),
                    backoff == null ? 2.0 : backoff,
                    maxDelay == null ? null : maxDelay.intValue(),
                    jitterStrategy));
        }
        return retriers;
    }

    private static List<Catcher> parseCatch(ObjectReader state, List<Transition> transitions, QueryLanguage language) {
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchField = state.raw("Catch");
        if (catchField == null) return catchers;
        if (!catchField.isArray()) {
            state.problems().schema(state.pointer("Catch"), "Expected value of type: Array");
            return catchers;
        }
        for (int i = 0; i < catchField.size(); i++) {
            String pointer = state.pointer("Catch") + "[" + i + "]";
            if (!catchField.get(i).isObject()) {
                state.problems().schema(pointer, "Expected value of type: Object");
                continue;
            }
            ObjectReader catcher = new ObjectReader(catchField.get(i), pointer, state.problems());
            catcher.checkFields(CATCHER_FIELDS, Set.of(), "a Catcher");
            List<String> errors = errorEquals(catcher, i == catchField.size() - 1);
            String next = catcher.string("Next", true);
            if (next != null) transitions.add(new Transition(next, catcher.pointer("Next")));
            catchers.add(new Catcher(errors, next, catcherIo(catcher, language)));
        }
        return catchers;
    }

    /** ResultPath and Assign (JSONPath) or Output and Assign (JSONata) of a catcher. */
    private static StateIo catcherIo(ObjectReader catcher, QueryLanguage language) {
        boolean jsonata = language == QueryLanguage.JSONATA;
        String wrong = jsonata ? "ResultPath" : "Output";
        if (catcher.has(wrong)) {
            catcher.problems().schema(catcher.pointer(wrong), "The field '" + wrong + "' is not supported in "
                    + language.aslName() + " states");
        }
        if (jsonata) return new JsonataIo(null, catcher.jsonata("Output"), AssignParser.jsonata(catcher));
        return new JsonPathIo(PathField.WHOLE, null, null, catcher.resultPath("ResultPath"), PathField.WHOLE,
                AssignParser.jsonPath(catcher));
    }

    private static List<String> errorEquals(ObjectReader reader, boolean last) {
        JsonNode value = reader.raw("ErrorEquals");
        List<String> errors = new ArrayList<>();
        if (value == null) {
            reader.problems().schema(reader.pointer(), "Missing required field 'ErrorEquals'");
            return errors;
        }
        if (!value.isArray() || value.isEmpty()) {
            reader.problems().schema(reader.pointer("ErrorEquals"), "Expected a non-empty array of error names");
            return errors;
        }
        for (JsonNode error : value) {
            if (!error.isTextual()) {
                reader.problems().schema(reader.pointer("ErrorEquals"), "Expected value of type: String");
            } else {
                errors.add(error.textValue());
            }
        }
        if (errors.contains(StatesErrors.ALL) && (errors.size() > 1 || !last)) {
            reader.problems().schema(reader.pointer("ErrorEquals"),
                    "'States.ALL' must appear alone in ErrorEquals, in the last Retrier or Catcher");
        }
        return errors;
    }
}
