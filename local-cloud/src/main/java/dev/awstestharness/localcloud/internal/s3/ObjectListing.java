package dev.awstestharness.localcloud.internal.s3;

import java.util.List;

/**
 * A page of a listing.
 *
 * @param next where the next page starts (the last key or common prefix of this page) when truncated, otherwise
 *     {@code null}
 */
public record ObjectListing(List<StoredObject> contents, List<String> commonPrefixes, boolean truncated, String next) {
    public int keyCount() {
        return contents.size() + commonPrefixes.size();
    }
}
