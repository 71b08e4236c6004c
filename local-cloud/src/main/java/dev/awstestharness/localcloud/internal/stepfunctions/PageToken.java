package dev.awstestharness.localcloud.internal.stepfunctions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code nextToken} of the List and GetExecutionHistory operations: opaque to callers, it names the list it
 * belongs to (so a token cannot be used for another list) and a position in it.
 */
final class PageToken {
    private PageToken() {}

    static String encode(String list, long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((list + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token of {@code list} holds, or the position {@code first} when there is no token. */
    static long decode(String token, String list, long first) {
        if (token == null) return first;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = text.lastIndexOf('\n');
            if (newline >= 0 && text.substring(0, newline).equals(list)) return Long.parseLong(text.substring(newline + 1));
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw SfnErrors.invalidToken("Invalid Token: '" + (token.length() > 100 ? token.substring(0, 100) + "..." : token) + "'");
    }
}
