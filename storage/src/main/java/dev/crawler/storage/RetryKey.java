package dev.crawler.storage;

import java.nio.ByteBuffer;

/**
 * The key of a URL in the retry lane: {@code notBefore epoch millis (8 bytes) | frontier key (13)}.
 * Ordered by due time first, so "what is due now?" is a scan from the start that stops at the first
 * key in the future. Wall-clock time, because a backoff must survive a restart.
 */
record RetryKey(long notBeforeEpochMillis, FrontierKey key) {
    static final int LENGTH = 8 + FrontierKey.LENGTH;

    static byte[] encode(long notBeforeEpochMillis, FrontierKey key) {
        return ByteBuffer.allocate(LENGTH).putLong(notBeforeEpochMillis).put(key.encode()).array();
    }

    static RetryKey decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("retry key must be " + LENGTH + " bytes, was " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long notBefore = buffer.getLong();
        byte[] frontier = new byte[FrontierKey.LENGTH];
        buffer.get(frontier);
        return new RetryKey(notBefore, FrontierKey.decode(frontier));
    }
}
