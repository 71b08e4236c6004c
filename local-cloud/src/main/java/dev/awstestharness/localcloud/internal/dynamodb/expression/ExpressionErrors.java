package dev.awstestharness.localcloud.internal.dynamodb.expression;

import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import java.util.List;

/** The ValidationExceptions DynamoDB gives for expressions, prefixed {@code Invalid <kind>: } as DynamoDB does. */
final class ExpressionErrors {
    private ExpressionErrors() {}

    static AwsServiceException invalid(String kind, String message) {
        return DynamoDbErrors.validation("Invalid " + kind + ": " + message);
    }

    /** {@code Syntax error; token: "x", near: "a x b"}: near spans the token before, the token and the one after. */
    static AwsServiceException syntax(String kind, String text, List<Token> tokens, Token bad) {
        int index = tokens.indexOf(bad);
        int from = bad.start();
        int to = bad.end();
        if (index < 0) {
            if (!tokens.isEmpty()) from = tokens.get(tokens.size() - 1).start();
        } else {
            if (index > 0) from = tokens.get(index - 1).start();
            if (index + 1 < tokens.size()) to = tokens.get(index + 1).end();
        }
        String near = text.substring(Math.min(from, text.length()), Math.min(Math.max(to, from), text.length()));
        return invalid(kind, "Syntax error; token: \"" + bad.shown() + "\", near: \"" + near + "\"");
    }
}
