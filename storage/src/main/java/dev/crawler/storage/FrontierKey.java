package dev.crawler.storage;

import java.nio.ByteBuffer;

/**
 * The key of one queued URL: {@code hostId (4 bytes) | priority (1 byte) | sequence (8 bytes)}, all
 * big-endian so that byte order is numeric order.
 *
 * <p>A range scan over one host id yields that host's queue in priority order (0 first) and, within
 * a priority, in the order URLs were enqueued. The sequence is global and never reused, which makes
 * every key unique and a per-host FIFO free.
 *
 * @param hostId   the host's id from the host table, non-negative
 * @param priority 0 (most urgent) to 255
 * @param sequence the global enqueue sequence number, non-negative
 */
public record FrontierKey(int hostId, int priority, long sequence) implements Comparable<FrontierKey> {
    static final int LENGTH = 13;

    public FrontierKey {
        if (hostId < 0) {
            throw new IllegalArgumentException("hostId must be >= 0, was " + hostId);
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0..255, was " + priority);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
    }

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).putInt(hostId).put((byte) priority).putLong(sequence).array();
    }

    static FrontierKey decode(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("frontier key must be " + LENGTH + " bytes, was " + key.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(key);
        return new FrontierKey(buffer.getInt(), buffer.get() & 0xFF, buffer.getLong());
    }

    /** The smallest possible key of a host: where a scan of its queue starts. */
    static byte[] hostPrefix(int hostId) {
        return ByteBuffer.allocate(4).putInt(hostId).array();
    }

    @Override
    public int compareTo(FrontierKey other) {
        int byHost = Integer.compare(hostId, other.hostId);
        if (byHost != 0) {
            return byHost;
        }
        int byPriority = Integer.compare(priority, other.priority);
        return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
    }
}
