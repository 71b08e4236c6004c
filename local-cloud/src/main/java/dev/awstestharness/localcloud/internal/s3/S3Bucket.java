package dev.awstestharness.localcloud.internal.s3;

import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ConcurrentSkipListMap;

/** A bucket: its name, region, creation date and objects in S3's key order (by Unicode code point, i.e. UTF-8 bytes). */
public final class S3Bucket {
    /** S3 lists keys in UTF-8 byte order, which is code point order; String's natural order differs above U+FFFF. */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final String name;
    private final String region;
    private final Instant creationDate;
    final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(KEY_ORDER);

    S3Bucket(String name, String region, Instant creationDate) {
        this.name = name;
        this.region = region;
        this.creationDate = creationDate;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public Instant creationDate() {
        return creationDate;
    }
}
