package dev.crawler.storage;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One {@link WriteBatch} in the making, handed to every part a change touches, so that all of a
 * change reaches the disk or none of it. It also carries what the parts learn while they add to it
 * and what only the store finishes: the counter deltas and the hosts that received URLs.
 */
final class StoreBatch implements AutoCloseable {
    private final WriteBatch batch = new WriteBatch();
    private final Map<String, Long> counterDeltas = new HashMap<>();
    private final Map<Integer, Integer> queuedByHost = new HashMap<>();

    void put(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException {
        batch.put(family, key, value);
    }

    void delete(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
        batch.delete(family, key);
    }

    void bump(String counter, long delta) {
        counterDeltas.merge(counter, delta, Long::sum);
    }

    /** One more URL queued for {@code hostId} (new, requeued or back from the retry lane). */
    void queued(int hostId) {
        queuedByHost.merge(hostId, 1, Integer::sum);
    }

    Map<String, Long> counterDeltas() {
        return Collections.unmodifiableMap(counterDeltas);
    }

    Map<Integer, Integer> queuedByHost() {
        return Collections.unmodifiableMap(queuedByHost);
    }

    WriteBatch writeBatch() {
        return batch;
    }

    @Override
    public void close() {
        batch.close();
    }
}
