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
 * @param pushBacks how many times its host pushed back on it (a 429, a 503 with {@code Retry-After}):
 *                 the host's signal, not the URL's failure, so counted apart from {@code attempts} (0..255)
 */
public record QueuedUrl(FrontierKey key, String url, int depth, int attempts, int redirectHops, int pushBacks) {
    /** The most attempts or redirect hops a queued URL can record: each has one byte. */
    public static final int MAX_REDIRECT_HOPS = 0xFF;
    /** The most push-backs a queued URL can record: one byte. */
    public static final int MAX_PUSH_BACKS = 0xFF;
    /** Marks the longer value layout; no URL starts with a zero byte. */
    private static final byte EXTENDED = 0;

    public QueuedUrl {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url must not be empty");
        }
        if (depth < 0 || attempts < 0 || redirectHops < 0 || pushBacks < 0) {
            throw new IllegalArgumentException("depth, attempts, redirectHops and pushBacks must be >= 0, were "
                    + depth + ", " + attempts + ", " + redirectHops + ", " + pushBacks);
        }
    }

    public QueuedUrl(FrontierKey key, String url, int depth, int attempts, int redirectHops) {
        this(key, url, depth, attempts, redirectHops, 0);
    }

    public QueuedUrl(FrontierKey key, String url, int depth, int attempts) {
        this(key, url, depth, attempts, 0, 0);
    }

    /**
     * {@code depth (2 bytes) | redirectHops (1 byte) | attempts (1 byte) | URL as UTF-8 (the rest)}, or,
     * for a URL its host has pushed back on, {@code depth | redirectHops | attempts | 0 | pushBacks (1 byte) | URL}:
     * the zero byte, which no URL starts with, tells the two apart, so entries written before push-backs
     * were kept read as none. Before redirect hops were kept, bytes 2-3 held attempts as a short;
     * attempts never exceeded 20, so such an entry reads as 0 hops and the same attempts.
     */
    byte[] encodeValue() {
        byte[] text = url.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(4 + (pushBacks > 0 ? 2 : 0) + text.length)
                .putShort((short) Math.min(depth, 0xFFFF))
                .put((byte) Math.min(redirectHops, 0xFF)).put((byte) Math.min(attempts, 0xFF));
        if (pushBacks > 0) {
            buffer.put(EXTENDED).put((byte) Math.min(pushBacks, MAX_PUSH_BACKS));
        }
        return buffer.put(text).array();
    }

    static QueuedUrl decode(byte[] key, byte[] value) {
        if (value.length < 5) {
            throw new StoreCorruptedException("frontier entry of " + value.length + " bytes is too short", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        int depth = buffer.getShort() & 0xFFFF;
        int redirectHops = buffer.get() & 0xFF;
        int attempts = buffer.get() & 0xFF;
        int pushBacks = 0;
        int urlStart = 4;
        if (value[4] == EXTENDED) {
            if (value.length < 7) {
                throw new StoreCorruptedException("frontier entry of " + value.length + " bytes is too short", null);
            }
            pushBacks = value[5] & 0xFF;
            urlStart = 6;
        }
        return new QueuedUrl(FrontierKey.decode(key), new String(value, urlStart, value.length - urlStart, StandardCharsets.UTF_8),
                depth, attempts, redirectHops, pushBacks);
    }
}
