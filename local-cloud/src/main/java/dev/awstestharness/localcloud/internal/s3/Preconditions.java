package dev.awstestharness.localcloud.internal.s3;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The conditional headers of reads and copies (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since), with
 * S3's precedence: a matching If-Match wins over If-Unmodified-Since, a failing If-None-Match over If-Modified-Since.
 */
final class Preconditions {
    private Preconditions() {}

    /** Whether the object should be sent; {@code false} means 304 Not Modified; a failed condition throws 412. */
    static boolean check(StoredObject object, String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince,
            String conditionPrefix) {
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, object.etag())) throw S3Errors.preconditionFailed(conditionPrefix + "If-Match");
        } else if (ifUnmodifiedSince != null) {
            Instant since = date(ifUnmodifiedSince);
            if (since != null && object.lastModified().isAfter(since)) throw S3Errors.preconditionFailed(conditionPrefix + "If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            return !etagMatches(ifNoneMatch, object.etag());
        }
        if (ifModifiedSince != null) {
            Instant since = date(ifModifiedSince);
            return since == null || object.lastModified().isAfter(since);
        }
        return true;
    }

    /** Whether an If-Match / If-None-Match value ({@code *} or ETags, quoted or not, comma-separated) matches. */
    static boolean etagMatches(String header, String etag) {
        String bare = unquote(etag);
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) value = value.substring(2);
            if (value.equals("*") || unquote(value).equals(bare)) return true;
        }
        return false;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** An HTTP date; S3 ignores conditions whose date it cannot read. */
    private static Instant date(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
