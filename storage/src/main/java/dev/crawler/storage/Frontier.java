package dev.crawler.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The frontier: one queue of URLs per host in {@link ColumnFamily#FRONTIER} (see {@link FrontierKey}),
 * the {@link RetryLane} beside it, the global enqueue sequence ({@code sequence} in
 * {@link ColumnFamily#META}) and the URLs ever queued per host ({@code n:HOSTID} in
 * {@link ColumnFamily#HOSTS}) against the per-host budget.
 *
 * <p>The sequence and the per-host counts live in memory and are changed by the store's single
 * writer only; each batch carries their new values, so they never drift from the queues. Queues may
 * be read from any thread. A URL leased by the scheduler stays here until its outcome settles it:
 * leases are the caller's (see {@link #peek}), which is what makes a crash lose nothing.
 *
 * <p>Known cost: settled entries are deleted, so the head of a busy host's range collects tombstones
 * until compaction drops them; {@link #peek} skips them. That is cheap at today's scale and is the
 * first thing to revisit for very deep per-host queues.
 */
final class Frontier {
    private static final String QUEUED_BY_HOST = "n:";
    private static final byte[] SEQUENCE = StoreBytes.utf8("sequence");

    private final StoreDb db;
    private final ColumnFamilyHandle queues;
    private final ColumnFamilyHandle hosts;
    private final ColumnFamilyHandle meta;
    private final RetryLane retryLane;
    /** URLs ever queued per host id, for the per-host budget. */
    private final Map<Integer, Long> queuedPerHost = new HashMap<>();
    private long urlsPerHostBudget = Long.MAX_VALUE;
    private long nextSequence;

    Frontier(StoreDb db) {
        this.db = db;
        this.queues = db.handle(ColumnFamily.FRONTIER);
        this.hosts = db.handle(ColumnFamily.HOSTS);
        this.meta = db.handle(ColumnFamily.META);
        this.retryLane = new RetryLane(db);
        db.forEachUnderPrefix(ColumnFamily.HOSTS, QUEUED_BY_HOST,
                (hostId, count) -> queuedPerHost.put(Integer.parseInt(hostId), StoreBytes.toLong(count)));
        byte[] sequence = db.get(ColumnFamily.META, SEQUENCE);
        this.nextSequence = sequence == null ? 0 : StoreBytes.toLong(sequence);
    }

    /** Caps how many URLs any one host may ever have queued; see {@link CrawlStore#limitUrlsPerHost}. */
    void limitUrlsPerHost(long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the URL budget per host must be at least 1, was " + budget);
        }
        this.urlsPerHostBudget = budget;
    }

    /**
     * Queues a URL never queued before at the back of its host's queue, within its priority; or, when
     * the host has used up its budget, only counts it in {@link Counters#URLS_OVER_BUDGET}.
     *
     * @return whether it was queued
     */
    boolean enqueue(StoreBatch batch, int hostId, DiscoveredUrl url) throws RocksDBException {
        long queuedBefore = queuedPerHost.getOrDefault(hostId, 0L);
        if (queuedBefore >= urlsPerHostBudget) {
            batch.bump(Counters.URLS_OVER_BUDGET, 1);
            return false;
        }
        queuedPerHost.put(hostId, queuedBefore + 1);
        FrontierKey key = new FrontierKey(hostId, url.priority(), nextSequence++);
        batch.put(queues, key.encode(), new QueuedUrl(key, url.url(), url.depth(), 0, url.redirectHops()).encodeValue());
        batch.bump(Counters.URLS_DISCOVERED, 1);
        batch.bump(Counters.URLS_QUEUED, 1);
        batch.queued(hostId);
        return true;
    }

    /** Removes the entry a page's outcome settles. */
    void settle(StoreBatch batch, FrontierKey done) throws RocksDBException {
        batch.delete(queues, done.encode());
        batch.bump(Counters.URLS_QUEUED, -1);
    }

    /** Queues a URL again at the back of its host's queue, or in the retry lane until its backoff passes. */
    void requeue(StoreBatch batch, int hostId, PageCommit.RequeuedUrl again) throws RocksDBException {
        FrontierKey key = new FrontierKey(hostId, again.priority(), nextSequence++);
        byte[] entry = new QueuedUrl(key, again.url(), again.depth(), again.attempts(), again.redirectHops(),
                again.pushBacks()).encodeValue();
        batch.bump(Counters.URLS_QUEUED, 1);
        if (again.notBeforeEpochMillis() <= 0) {
            batch.put(queues, key.encode(), entry);
            batch.queued(hostId);
            return;
        }
        retryLane.add(batch, again.notBeforeEpochMillis(), key, entry);
    }

    /**
     * Moves up to {@code max} retries due at {@code nowEpochMillis} back to their hosts' queues, under
     * the keys they were given when requeued.
     *
     * @return how many moved
     */
    int promoteDueRetries(StoreBatch batch, long nowEpochMillis, int max) throws RocksDBException {
        List<RetryLane.Due> due = retryLane.takeDue(batch, nowEpochMillis, max);
        for (RetryLane.Due retry : due) {
            batch.put(queues, retry.key().encode(), retry.entry());
            batch.queued(retry.key().hostId());
        }
        return due.size();
    }

    /**
     * Adds what the frontier keeps in memory to {@code batch}: the count of URLs ever queued of each
     * host the batch queued URLs for, and the sequence high-water mark.
     */
    void addCounts(StoreBatch batch) throws RocksDBException {
        for (int hostId : batch.queuedByHost().keySet()) {
            batch.put(hosts, StoreBytes.utf8(QUEUED_BY_HOST + hostId), StoreBytes.ofLong(queuedPerHost.getOrDefault(hostId, 0L)));
        }
        batch.put(meta, SEQUENCE, StoreBytes.ofLong(nextSequence));
    }

    /** See {@link CrawlStore#peek}. */
    List<QueuedUrl> peek(int hostId, int limit, Set<FrontierKey> exclude) {
        List<QueuedUrl> found = new ArrayList<>(Math.min(limit, 64));
        try (RocksIterator it = db.newIterator(ColumnFamily.FRONTIER)) {
            for (it.seek(FrontierKey.hostPrefix(hostId)); it.isValid() && found.size() < limit; it.next()) {
                FrontierKey key = FrontierKey.decode(it.key());
                if (key.hostId() != hostId) {
                    break;
                }
                if (!exclude.contains(key)) {
                    found.add(QueuedUrl.decode(it.key(), it.value()));
                }
            }
            db.checkIterator(it);
        }
        return found;
    }

    /** Every host id that has at least one queued URL, found with one seek per host. */
    List<Integer> hostsWithQueuedUrls() {
        List<Integer> found = new ArrayList<>();
        try (RocksIterator it = db.newIterator(ColumnFamily.FRONTIER)) {
            it.seekToFirst();
            while (it.isValid()) {
                int hostId = FrontierKey.decode(it.key()).hostId();
                found.add(hostId);
                if (hostId == Integer.MAX_VALUE) {
                    break;
                }
                it.seek(FrontierKey.hostPrefix(hostId + 1));
            }
            db.checkIterator(it);
        }
        return found;
    }

    /** See {@link CrawlStore#hostQueues}; {@code originOf} names each host id. */
    HostQueues hostQueues(long maxKeys, IntFunction<String> originOf) {
        HostQueuesTally tally = new HostQueuesTally(maxKeys);
        try (RocksIterator it = db.newIterator(ColumnFamily.FRONTIER)) {
            for (it.seekToFirst(); it.isValid() && !tally.full(); it.next()) {
                tally.queued(FrontierKey.decode(it.key()).hostId());
            }
            if (it.isValid()) {
                tally.stoppedEarly();
            }
            db.checkIterator(it);
        }
        retryLane.count(tally);
        return tally.result(originOf);
    }

    Optional<Long> nextRetryDue() {
        return retryLane.nextDue();
    }
}
