package dev.crawler.storage;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fingerprints most recently found in (or added to) the seen set, kept in memory so that the
 * links every page repeats (navigation, footer, categories) are answered without a RocksDB lookup.
 * Always correct without invalidation: the seen set only ever grows. Least recently used entries
 * go first. Confined to the writer thread, so unsynchronised.
 */
final class RecentlySeen {
    private final Map<ByteBuffer, Boolean> entries;

    RecentlySeen(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean contains(byte[] fingerprint) {
        return entries.get(ByteBuffer.wrap(fingerprint)) != null;
    }

    void add(byte[] fingerprint) {
        entries.put(ByteBuffer.wrap(fingerprint), Boolean.TRUE);
    }
}
