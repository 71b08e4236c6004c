package dev.awstestharness.harness;

import java.util.List;

/** An S3 bucket double, addressed by its declared name. */
public interface S3Bucket {
    /** The bucket's physical name. */
    String name();

    void put(String key, String content);

    /** The object's content as UTF-8 text; fails (AssertionError) naming the bucket and key when there is none. */
    String get(String key);

    /** Whether the object exists. */
    boolean exists(String key);

    /** The keys in the bucket (or under {@code prefix}), sorted. */
    List<String> list();

    List<String> list(String prefix);

    void delete(String key);
}
