package dev.awstestharness.asl.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.intrinsics.IntrinsicFunctionCall;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.JsonPathExpression;

/** The value of a {@code .$} field, of {@code ErrorPath} or of {@code CausePath}: a path or an intrinsic function call. */
public sealed interface ValueExpression {
    /** Throws PathNotFoundException when a path selects nothing; intrinsic failures are StatesErrors. */
    JsonNode evaluate(DataScope scope);

    String source();

    /** Compiles a path or an intrinsic call; throws IllegalArgumentException saying what is wrong. */
    static ValueExpression compile(String text) {
        if (IntrinsicFunctionCall.looksLikeCall(text)) {
            return new Intrinsic(IntrinsicFunctionCall.parse(text));
        }
        if (text.startsWith("$")) {
            return new Path(JsonPathExpression.compile(text));
        }
        throw new IllegalArgumentException("expected a JSONPath or an intrinsic function call but was '" + text + "'");
    }

    record Path(JsonPathExpression path) implements ValueExpression {
        @Override
        public JsonNode evaluate(DataScope scope) {
            return path.read(scope);
        }

        @Override
        public String source() {
            return path.source();
        }
    }

    record Intrinsic(IntrinsicFunctionCall call) implements ValueExpression {
        @Override
        public JsonNode evaluate(DataScope scope) {
            return call.evaluate(scope);
        }

        @Override
        public String source() {
            return call.source();
        }
    }
}
