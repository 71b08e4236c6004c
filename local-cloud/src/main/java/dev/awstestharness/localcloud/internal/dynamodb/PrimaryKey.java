package dev.awstestharness.localcloud.internal.dynamodb;

/** An item's primary key: partition key value and sort key value ({@link KeyValue#NONE} without a sort key). */
record PrimaryKey(KeyValue hash, KeyValue range) {}
