package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One URL waiting in the frontier.
 *
 * @param key      where it sits in its host's queue
 * @param url      the canonical URL
 * @param depth    link distance from a seed (seeds are 0)
 * @param attempts how many fetches of it have failed transiently so far (0..255)
 * @param redirectHops how many redirects led to it (0..255); see {@link DiscoveredUrl#redirectHops()}
 */
public record QueuedUrl(FrontierKey key, String url, int depth, int attempts, int redirectHops) {
    /** The most attempts or redirect hops a queued URL can record: each has one byte. */
    public static final int MAX_REDIRECT_HOPS = 0xFF;

    public QueuedUrl {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url must not be empty");
        }
        if (depth < 0 || attempts < 0 || redirectHops < 0) {
            throw new IllegalArgumentException("depth, attempts and redirectHops must be >= 0, were "
                    + depth + ", " + attempts + ", " + redirectHops);
        }
    }

    public QueuedUrl(FrontierKey key, String url, int depth, int attempts) {
        this(key, url, depth, attempts, 0);
    }

    /**
     * {@code depth (2 bytes) | redirectHops (1 byte) | attempts (1 byte) | URL as UTF-8 (the rest)}.
     * Before redirect hops were kept, bytes 2-3 held attempts as a short; attempts never exceeded 20, so
     * such an entry reads as 0 hops and the same attempts.
     */
    byte[] encodeValue() {
        byte[] text = url.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putShort((short) Math.min(depth, 0xFFFF))
                .put((byte) Math.min(redirectHops, 0xFF)).put((byte) Math.min(attempts, 0xFF)).put(text).array();
    }

    static QueuedUrl decode(byte[] key, byte[] value) {
        if (value.length < 5) {
            throw new StoreCorruptedException("frontier entry of " + value.length + " bytes is too short", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        int depth = buffer.getShort() & 0xFFFF;
        int redirectHops = buffer.get() & 0xFF;
        int attempts = buffer.get() & 0xFF;
        return new QueuedUrl(FrontierKey.decode(key), new String(value, 4, value.length - 4, StandardCharsets.UTF_8), depth,
                attempts, redirectHops);
    }
}
