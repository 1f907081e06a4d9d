package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One URL waiting in the frontier.
 *
 * @param key      where it sits in its host's queue
 * @param url      the canonical URL
 * @param depth    link distance from a seed (seeds are 0)
 * @param attempts how many fetches of it have failed transiently so far
 */
public record QueuedUrl(FrontierKey key, String url, int depth, int attempts) {
    public QueuedUrl {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url must not be empty");
        }
        if (depth < 0 || attempts < 0) {
            throw new IllegalArgumentException("depth and attempts must be >= 0, were " + depth + ", " + attempts);
        }
    }

    /** {@code depth (2 bytes) | attempts (2 bytes) | URL as UTF-8 (the rest)}. */
    byte[] encodeValue() {
        byte[] text = url.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putShort((short) Math.min(depth, 0xFFFF))
                .putShort((short) Math.min(attempts, 0xFFFF)).put(text).array();
    }

    static QueuedUrl decode(byte[] key, byte[] value) {
        if (value.length < 5) {
            throw new StoreCorruptedException("frontier entry of " + value.length + " bytes is too short", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        int depth = buffer.getShort() & 0xFFFF;
        int attempts = buffer.getShort() & 0xFFFF;
        return new QueuedUrl(FrontierKey.decode(key), new String(value, 4, value.length - 4, StandardCharsets.UTF_8), depth, attempts);
    }
}
