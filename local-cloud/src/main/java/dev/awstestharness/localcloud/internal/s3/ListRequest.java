package dev.awstestharness.localcloud.internal.s3;

/**
 * One page of a listing.
 *
 * @param prefix only keys starting with it ({@code ""} for all)
 * @param delimiter {@code null} for none; otherwise keys with it after the prefix roll up into common prefixes
 * @param maxKeys the most keys and common prefixes in the page
 * @param after list only keys after this one: StartAfter, Marker or the position a continuation token encodes;
 *     {@code null} from the start
 */
public record ListRequest(String prefix, String delimiter, int maxKeys, String after) {
    public static final int MAX_KEYS = 1000;

    public ListRequest {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }
}
