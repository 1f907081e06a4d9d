package dev.crawler.core.fetch;

/**
 * The most body bytes one fetch keeps (after decompression), and what happens past it.
 *
 * @param maxBytes the ceiling; at least 1
 * @param overflow what a longer body becomes
 */
public record BodyLimit(long maxBytes, Overflow overflow) {
    /** What a body longer than the limit becomes. */
    public enum Overflow {
        /** A {@link FailureClass#TOO_LARGE} failure: a page that big is not one we want. */
        FAIL,
        /** A response holding the first {@code maxBytes} bytes, as robots.txt is read (RFC 9309: at least 500 KiB). */
        TRUNCATE
    }

    public BodyLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a body limit must be at least 1 byte, was " + maxBytes);
        }
    }

    public static BodyLimit failAbove(long maxBytes) {
        return new BodyLimit(maxBytes, Overflow.FAIL);
    }

    public static BodyLimit truncateAt(long maxBytes) {
        return new BodyLimit(maxBytes, Overflow.TRUNCATE);
    }
}
