package dev.crawler.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * URLs waiting out a backoff before they rejoin their host's queue, in {@link ColumnFamily#RETRIES}
 * keyed by due time ({@link RetryKey}) with the frontier entry they will have as value. Part of the
 * {@link Frontier}: a URL here still counts as queued, and in {@link Counters#URLS_RETRYING}.
 */
final class RetryLane {
    private final StoreDb db;
    private final ColumnFamilyHandle retries;

    RetryLane(StoreDb db) {
        this.db = db;
        this.retries = db.handle(ColumnFamily.RETRIES);
    }

    /**
     * A URL whose backoff has passed.
     *
     * @param entry its frontier entry, encoded as {@link QueuedUrl#encodeValue()} does
     */
    record Due(FrontierKey key, byte[] entry) {
    }

    void add(StoreBatch batch, long notBeforeEpochMillis, FrontierKey key, byte[] entry) throws RocksDBException {
        batch.put(retries, RetryKey.encode(notBeforeEpochMillis, key), entry);
        batch.bump(Counters.URLS_RETRYING, 1);
    }

    /** Takes out of the lane, in {@code batch}, up to {@code max} URLs due at {@code nowEpochMillis}, earliest first. */
    List<Due> takeDue(StoreBatch batch, long nowEpochMillis, int max) throws RocksDBException {
        List<Due> due = new ArrayList<>();
        try (RocksIterator it = db.newIterator(ColumnFamily.RETRIES)) {
            for (it.seekToFirst(); it.isValid() && due.size() < max; it.next()) {
                RetryKey retry = RetryKey.decode(it.key());
                if (retry.notBeforeEpochMillis() > nowEpochMillis) {
                    break;
                }
                batch.delete(retries, it.key());
                batch.bump(Counters.URLS_RETRYING, -1);
                due.add(new Due(retry.key(), it.value()));
            }
            db.checkIterator(it);
        }
        return due;
    }

    /** When the earliest retry is due (epoch millis), if any URL waits in the lane. */
    Optional<Long> nextDue() {
        try (RocksIterator it = db.newIterator(ColumnFamily.RETRIES)) {
            it.seekToFirst();
            Optional<Long> due = it.isValid() ? Optional.of(RetryKey.decode(it.key()).notBeforeEpochMillis()) : Optional.empty();
            db.checkIterator(it);
            return due;
        }
    }

    /** Adds the lane's URLs to {@code tally}, reading keys only, until the tally is full. */
    void count(HostQueuesTally tally) {
        try (RocksIterator it = db.newIterator(ColumnFamily.RETRIES)) {
            for (it.seekToFirst(); it.isValid() && !tally.full(); it.next()) {
                RetryKey retry = RetryKey.decode(it.key());
                tally.retrying(retry.key().hostId(), retry.notBeforeEpochMillis());
            }
            if (it.isValid()) {
                tally.stoppedEarly();
            }
            db.checkIterator(it);
        }
    }
}
