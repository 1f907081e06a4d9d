package dev.crawler.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * The crawl's counters ({@code counter:NAME} in {@link ColumnFamily#META}, 8 bytes each), with their
 * values in memory so that any thread can read them without RocksDB.
 *
 * <p>Only the store's single writer changes them, so each batch carries absolute values rather than
 * increments: a counter then never drifts from the data it counts, whatever was replayed after a
 * crash. The values in memory change only once their batch is written.
 */
final class CrawlCounters {
    private static final String PREFIX = "counter:";

    private final ColumnFamilyHandle meta;
    private final Map<String, Long> values = new ConcurrentHashMap<>();

    CrawlCounters(StoreDb db) {
        this.meta = db.handle(ColumnFamily.META);
        db.forEachUnderPrefix(ColumnFamily.META, PREFIX, (name, value) -> values.put(name, StoreBytes.toLong(value)));
    }

    long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    Map<String, Long> snapshot() {
        return Map.copyOf(values);
    }

    /**
     * Adds the new value of every counter {@code batch} changes to it.
     *
     * @return those values, for {@link #publish} once the batch is written
     */
    Map<String, Long> addTotals(StoreBatch batch) throws RocksDBException {
        Map<String, Long> totals = new HashMap<>();
        batch.counterDeltas().forEach((name, delta) -> totals.put(name, get(name) + delta));
        for (Map.Entry<String, Long> total : totals.entrySet()) {
            batch.put(meta, StoreBytes.utf8(PREFIX + total.getKey()), StoreBytes.ofLong(total.getValue()));
        }
        return totals;
    }

    /** Makes values written by {@link #addTotals} visible to readers. */
    void publish(Map<String, Long> totals) {
        values.putAll(totals);
    }
}
