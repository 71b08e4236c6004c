package dev.awstestharness.asl.internal.jsonata;

/** A JSONata expression could not be evaluated; the message is AWS's sentence without the state prefix. */
public final class JsonataException extends RuntimeException {
    public JsonataException(String message) {
        super(message, null, false, false);
    }
}
