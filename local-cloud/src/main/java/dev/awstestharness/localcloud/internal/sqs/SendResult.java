package dev.awstestharness.localcloud.internal.sqs;

/** What SendMessage answers: the id and digests, and for FIFO queues the sequence number. */
record SendResult(String messageId, String md5OfBody, String md5OfAttributes, String sequenceNumber) {}
