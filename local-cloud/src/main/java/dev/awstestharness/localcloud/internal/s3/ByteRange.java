package dev.awstestharness.localcloud.internal.s3;

/**
 * A Range header of a GET or HEAD, as S3 reads it: one {@code bytes=} range (first-last, first- or -suffix). Headers
 * S3 does not understand, and several ranges, are ignored and the whole object is sent; a range that starts beyond
 * the object fails with InvalidRange.
 */
public record ByteRange(long first, long last) {

    /** The range to send, or {@code null} for the whole object. */
    public static ByteRange parse(String header, long size) {
        if (header == null) return null;
        String value = header.trim();
        if (!value.startsWith("bytes=")) return null;
        String spec = value.substring("bytes=".length()).trim();
        if (spec.contains(",")) return null;
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        String start = spec.substring(0, dash).trim();
        String end = spec.substring(dash + 1).trim();
        try {
            if (start.isEmpty()) {
                if (end.isEmpty()) return null;
                long suffix = Long.parseLong(end);
                if (suffix <= 0 || size == 0) throw S3Errors.invalidRange(value, size);
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Long.parseLong(end);
            if (first < 0 || last < first) return null;
            if (first >= size) throw S3Errors.invalidRange(value, size);
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
