package dev.awstestharness.asl.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.path.DataScope;
import dev.awstestharness.asl.internal.path.JsonPathExpression;
import java.util.List;

/** A node of a parsed intrinsic call: a literal, a path or a nested call. */
sealed interface Expression permits Expression.Literal, Expression.PathArgument, Expression.Call {
    JsonNode evaluate(DataScope scope);

    /**
     * A constant argument. For a string literal {@code escaped} is its text between the quotes as written, escapes
     * included, because {@code States.Format} must tell an escaped {@code \{} from a placeholder; otherwise null.
     */
    record Literal(JsonNode value, String escaped) implements Expression {
        @Override
        public JsonNode evaluate(DataScope scope) {
            return value;
        }
    }

    record PathArgument(JsonPathExpression path) implements Expression {
        @Override
        public JsonNode evaluate(DataScope scope) {
            return path.read(scope);
        }
    }

    record Call(IntrinsicFunction function, List<Expression> arguments) implements Expression {
        @Override
        public JsonNode evaluate(DataScope scope) {
            JsonNode[] values = new JsonNode[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(i).evaluate(scope);
            }
            return function.apply(new Arguments(this, values));
        }
    }
}
