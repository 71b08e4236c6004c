package dev.awstestharness.localcloud.internal.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FunctionName parameter taken apart: a name ({@code my-function}), a name with a qualifier
 * ({@code my-function:$LATEST}), a partial ARN ({@code 123456789012:function:my-function}) or a full ARN
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:my-function[:QUALIFIER]}).
 *
 * @param region the ARN's region, or {@code null} when the parameter names none
 * @param account the ARN's account, or {@code null} when the parameter names none
 * @param qualifier {@code null} when the parameter names none
 */
record FunctionName(String region, String account, String name, String qualifier) {
    private static final Pattern PATTERN = Pattern.compile(LambdaErrors.FUNCTION_NAME_PATTERN);

    static FunctionName parse(String value) {
        if (value == null || value.isEmpty()) {
            throw LambdaErrors.validation("Value null at 'functionName' failed to satisfy constraint: Member must not be null");
        }
        Matcher matcher = PATTERN.matcher(value);
        if (!matcher.matches() || value.length() > 170) {
            throw LambdaErrors.validation("Value '" + value + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: " + LambdaErrors.FUNCTION_NAME_PATTERN);
        }
        String region = matcher.group(3) == null ? null : matcher.group(3).substring(0, matcher.group(3).length() - 1);
        String account = matcher.group(5) == null ? null : matcher.group(5).substring(0, 12);
        return new FunctionName(region, account, matcher.group(7), matcher.group(9));
    }

    /** This name with the Qualifier parameter applied; both naming different qualifiers is an error, as in Lambda. */
    FunctionName qualifiedBy(String parameter) {
        if (parameter == null || parameter.isEmpty()) return this;
        if (qualifier != null && !qualifier.equals(parameter)) {
            throw LambdaErrors.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
        }
        return new FunctionName(region, account, name, parameter);
    }
}
