package dev.crawler.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The durable state of one crawl in one directory.
 *
 * <h2>Layout</h2>
 * A crawl directory holds {@code crawl.json} (format version, crawl id, creation time: readable
 * without opening the database, so a directory that is not a crawl is recognised at once) and
 * {@code db/}, a RocksDB database with one column family per kind of state ({@link ColumnFamily}).
 *
 * <h2>Writes</h2>
 * All writes come from one committer thread through {@link #commit(List)}: a group of page outcomes
 * becomes one {@link WriteBatch}, so either all of a group is on disk or none of it. The
 * write-ahead log is always on, so a process crash (even {@code kill -9}) loses nothing that
 * {@code commit} returned from; {@link StoreOptions#fsync()} extends that to power loss. Counters
 * and the enqueue sequence are kept in memory by that single writer and written with absolute
 * values in the same batch, so they never drift from the data they count.
 *
 * <h2>Reads</h2>
 * {@link #peek} and the host look-ups may be called from any thread, concurrently with commits;
 * RocksDB gives each call a consistent view.
 *
 * <h2>Known cost</h2>
 * Settled frontier entries are deleted, so the head of a busy host's range collects tombstones until
 * compaction drops them; a {@link #peek} skips them. That is cheap at skeleton scale and is the
 * first thing to revisit for very deep per-host queues.
 */
public final class CrawlStore implements AutoCloseable {
    public static final int FORMAT_VERSION = 1;
    private static final String INFO_FILE = "crawl.json";
    private static final String DB_DIR = "db";
    private static final byte[] META_CONFIG = bytes("config");
    private static final byte[] META_SEQUENCE = bytes("sequence");
    private static final String COUNTER_PREFIX = "counter:";
    private static final String HOST_BY_ORIGIN = "o:";
    private static final String ORIGIN_BY_HOST = "i:";
    private static final String QUEUED_BY_HOST = "n:";
    private static final String PARKED_HOST = "p:";
    private static final String HOST_PACE = "d:";
    private static final byte[] META_SEED_ORIGINS = bytes("seed-origins");
    private static final byte[] EMPTY = new byte[0];

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final CrawlInfo info;
    private final RocksDB db;
    private final boolean readOnly;
    private final List<AutoCloseable> nativeResources;
    private final Map<ColumnFamily, ColumnFamilyHandle> families;
    private final WriteOptions writeOptions;
    private final Map<String, Integer> hostIds = new ConcurrentHashMap<>();
    private final Map<Integer, String> origins = new ConcurrentHashMap<>();
    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    /** URLs ever queued per host id, for the per-host budget; written by the committer only. */
    private final Map<Integer, Long> queuedPerHost = new HashMap<>();
    private long urlsPerHostBudget = Long.MAX_VALUE;
    /** About 100 bytes an entry: 10 MiB of heap spares most seen-set lookups of a crawl's repeated links. */
    private final RecentlySeen recentlySeen = new RecentlySeen(100_000);
    private long nextSequence;
    private boolean closed;
    /** A write failed (a full disk, say): closing then leaves the WAL as it is instead of failing to sync it again. */
    private volatile boolean writeFailed;

    private CrawlStore(Path directory, CrawlInfo info, OpenedDb opened, StoreOptions options, boolean readOnly) {
        this.directory = directory;
        this.info = info;
        this.db = opened.db;
        this.readOnly = readOnly;
        this.nativeResources = opened.resources;
        this.families = opened.families;
        this.writeOptions = new WriteOptions().setSync(options.fsync());
        loadHosts();
        loadCounters();
        byte[] sequence = get(ColumnFamily.META, META_SEQUENCE);
        this.nextSequence = sequence == null ? 0 : ByteBuffer.wrap(sequence).getLong();
    }

    /**
     * Creates a new crawl in {@code directory}, which must not exist or be empty.
     *
     * <p>Creation is atomic: the crawl is built in a hidden sibling directory, {@code initializer}
     * queues its seeds there, and only then is it renamed into place. A process killed halfway
     * leaves no half-made crawl behind under the name the user chose, only a
     * {@code .NAME.creating-*} directory that can be deleted.
     *
     * @param configJson  the crawl's configuration, stored verbatim so that {@code resume} can reuse it
     * @param initializer writes what the crawl starts with (its seeds), before it becomes visible
     */
    public static CrawlStore create(Path directory, String configJson, StoreOptions options, Consumer<CrawlStore> initializer) {
        checkCreatable(directory);
        Path parent = directory.toAbsolutePath().getParent();
        Path staging = parent.resolve("." + directory.getFileName() + ".creating-" + UUID.randomUUID());
        CrawlInfo info = new CrawlInfo(FORMAT_VERSION, UUID.randomUUID().toString(), Instant.now());
        try {
            Files.createDirectories(staging.resolve(DB_DIR));
        } catch (IOException e) {
            throw ioFailure(directory, "cannot create " + staging, e);
        }
        try (CrawlStore store = new CrawlStore(staging, info, openDb(staging, options, true, false), options, false)) {
            store.writeMeta(META_CONFIG, configJson.getBytes(StandardCharsets.UTF_8));
            initializer.accept(store);
            writeInfoFile(staging, info);
        }
        try {
            Files.deleteIfExists(directory);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ioFailure(directory, "cannot move the new crawl into " + directory, e);
        }
        return open(directory, options);
    }

    /** Creates a new crawl with nothing queued yet. */
    public static CrawlStore create(Path directory, String configJson, StoreOptions options) {
        return create(directory, configJson, options, store -> { });
    }

    private static void checkCreatable(Path directory) {
        if (Files.exists(directory.resolve(INFO_FILE))) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.ALREADY_A_CRAWL, directory,
                    directory + " already holds a crawl; use 'crawler resume --dir " + directory + "' to continue it");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.NOT_A_CRAWL, directory,
                    directory + " is a file, not a directory");
        }
        if (Files.isDirectory(directory) && !isEmptyDirectory(directory)) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.NOT_A_CRAWL, directory,
                    directory + " exists and is not empty; choose a new directory for a new crawl");
        }
    }

    /** Opens an existing crawl for writing; fails if another process has it open. */
    public static CrawlStore open(Path directory, StoreOptions options) {
        CrawlInfo info = readInfo(directory);
        return new CrawlStore(directory, info, openDb(directory, options, false, false), options, false);
    }

    /**
     * Opens an existing crawl to read it, even while a crawler is writing to it. The view is what was
     * committed when it was opened.
     */
    public static CrawlStore openReadOnly(Path directory) {
        CrawlInfo info = readInfo(directory);
        StoreOptions options = StoreOptions.defaults();
        return new CrawlStore(directory, info, openDb(directory, options, false, true), options, true);
    }

    public Path directory() {
        return directory;
    }

    public CrawlInfo info() {
        return info;
    }

    /** The configuration stored when the crawl was created. */
    public String configJson() {
        byte[] config = get(ColumnFamily.META, META_CONFIG);
        return config == null ? "{}" : new String(config, StandardCharsets.UTF_8);
    }

    /** Replaces the stored configuration (a resume with overriding flags). */
    public void replaceConfig(String configJson) {
        writeMeta(META_CONFIG, configJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Records the origins of the crawl's seeds. The fetcher trusts them more than hosts found later:
     * they may resolve to private addresses. Called when the crawl is created.
     */
    public void recordSeedOrigins(java.util.Collection<String> seedOrigins) {
        writeMeta(META_SEED_ORIGINS, StoreJson.write(List.copyOf(new java.util.TreeSet<>(seedOrigins))));
    }

    /** The origins recorded by {@link #recordSeedOrigins}; empty for a crawl created before they were kept. */
    public Set<String> seedOrigins() {
        byte[] stored = get(ColumnFamily.META, META_SEED_ORIGINS);
        if (stored == null) {
            return Set.of();
        }
        return Set.copyOf(java.util.Arrays.asList(StoreJson.read(stored, String[].class)));
    }

    /**
     * Every host parked in some run of this crawl and not heard from since, in origin order; see
     * {@link ParkedHost}.
     */
    public List<ParkedHost> parkedHosts() {
        return hostRecords(PARKED_HOST, ParkedHost.class);
    }

    /** Every host whose pace the crawl has learned, in origin order; see {@link HostPace}. */
    public List<HostPace> hostPaces() {
        return hostRecords(HOST_PACE, HostPace.class);
    }

    private <T> List<T> hostRecords(String prefix, Class<T> type) {
        List<T> records = new ArrayList<>();
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.HOSTS))) {
            for (it.seek(bytes(prefix)); it.isValid(); it.next()) {
                if (!new String(it.key(), StandardCharsets.UTF_8).startsWith(prefix)) {
                    break;
                }
                records.add(StoreJson.read(it.value(), type));
            }
            checkIterator(it);
        }
        return records;
    }

    /** The id of a host's queue, if it has one. */
    public Optional<Integer> hostId(String origin) {
        return Optional.ofNullable(hostIds.get(origin));
    }

    /** The origin of a host id handed out by this store. */
    public String origin(int hostId) {
        String origin = origins.get(hostId);
        if (origin == null) {
            throw new IllegalArgumentException("unknown host id " + hostId);
        }
        return origin;
    }

    /** A snapshot of every counter. */
    public Map<String, Long> counters() {
        return Map.copyOf(counters);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /**
     * Queues the URLs that were never seen before, as one batch.
     *
     * @return which hosts received how many new URLs
     */
    public CommitResult enqueue(List<DiscoveredUrl> urls) {
        checkWritable();
        try (Changes changes = new Changes()) {
            enqueueUnseen(changes, urls);
            return write(changes);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    /**
     * Writes a group of page outcomes as one atomic batch.
     *
     * @return which hosts received how many new URLs, so the scheduler can wake them
     */
    public CommitResult commit(List<PageCommit> group) {
        return commit(group, List.of());
    }

    /**
     * Writes a group of page outcomes and the hosts parked since the last commit as one atomic batch;
     * each parked host is recorded (replacing an earlier record of it) and counted in
     * {@link Counters#HOSTS_PARKED}.
     *
     * @return which hosts received how many new URLs, so the scheduler can wake them
     */
    public CommitResult commit(List<PageCommit> group, List<ParkedHost> parked) {
        return commit(group, parked, List.of());
    }

    /**
     * Writes a group of page outcomes, the hosts parked and the host paces learned since the last
     * commit as one atomic batch; each pace replaces the host's earlier one.
     *
     * @return which hosts received how many new URLs, so the scheduler can wake them
     */
    public CommitResult commit(List<PageCommit> group, List<ParkedHost> parked, List<HostPace> paces) {
        return commit(group, parked, paces, List.of());
    }

    /**
     * Like {@link #commit(List, List, List)}, and forgets the parking of each origin in {@code recovered}:
     * a host parked in an earlier run that has answered again.
     */
    public CommitResult commit(List<PageCommit> group, List<ParkedHost> parked, List<HostPace> paces, List<String> recovered) {
        checkWritable();
        try (Changes changes = new Changes()) {
            for (String origin : recovered) {
                changes.batch.delete(handle(ColumnFamily.HOSTS), bytes(PARKED_HOST + origin));
            }
            for (ParkedHost host : parked) {
                changes.batch.put(handle(ColumnFamily.HOSTS), bytes(PARKED_HOST + host.origin()), StoreJson.write(host));
                changes.bump(Counters.HOSTS_PARKED, 1);
            }
            for (HostPace pace : paces) {
                changes.batch.put(handle(ColumnFamily.HOSTS), bytes(HOST_PACE + pace.origin()), StoreJson.write(pace));
            }
            List<DiscoveredUrl> discovered = new ArrayList<>();
            Set<String> groupProducts = new HashSet<>();
            for (PageCommit page : group) {
                applyPage(changes, page, groupProducts);
                discovered.addAll(page.discovered());
            }
            enqueueUnseen(changes, discovered);
            return write(changes);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    private void applyPage(Changes changes, PageCommit page, Set<String> groupProducts) throws RocksDBException {
        changes.batch.delete(handle(ColumnFamily.FRONTIER), page.done().encode());
        changes.bump(Counters.URLS_QUEUED, -1);
        if (page.requeue().isPresent()) {
            requeue(changes, page.done().hostId(), page.requeue().get());
        }
        for (ProductRecord product : page.products()) {
            byte[] key = bytes(product.identity());
            boolean isNew = groupProducts.add(product.identity()) && get(ColumnFamily.PRODUCTS, key) == null;
            changes.batch.put(handle(ColumnFamily.PRODUCTS), key, StoreJson.write(product));
            if (isNew) {
                changes.bump(Counters.PRODUCTS, 1);
            }
        }
        if (page.failure().isPresent()) {
            FailureRecord failure = page.failure().get();
            changes.batch.put(handle(ColumnFamily.FAILURES), bytes(failure.url()), StoreJson.write(failure));
        }
        page.counters().forEach(changes::bump);
    }

    private void requeue(Changes changes, int hostId, PageCommit.RequeuedUrl again) throws RocksDBException {
        FrontierKey key = new FrontierKey(hostId, again.priority(), nextSequence++);
        byte[] value = new QueuedUrl(key, again.url(), again.depth(), again.attempts(), again.redirectHops(),
                again.pushBacks()).encodeValue();
        changes.bump(Counters.URLS_QUEUED, 1);
        if (again.notBeforeEpochMillis() <= 0) {
            changes.batch.put(handle(ColumnFamily.FRONTIER), key.encode(), value);
            changes.queued(hostId);
            return;
        }
        changes.batch.put(handle(ColumnFamily.RETRIES), RetryKey.encode(again.notBeforeEpochMillis(), key), value);
        changes.bump(Counters.URLS_RETRYING, 1);
    }

    /**
     * Moves every retry whose time has come back to its host's queue, as one batch.
     *
     * @return the hosts that received URLs
     */
    public CommitResult promoteDueRetries(long nowEpochMillis, int max) {
        checkWritable();
        try (Changes changes = new Changes(); RocksIterator it = db.newIterator(handle(ColumnFamily.RETRIES))) {
            int moved = 0;
            for (it.seekToFirst(); it.isValid() && moved < max; it.next()) {
                RetryKey retry = RetryKey.decode(it.key());
                if (retry.notBeforeEpochMillis() > nowEpochMillis) {
                    break;
                }
                changes.batch.delete(handle(ColumnFamily.RETRIES), it.key());
                changes.batch.put(handle(ColumnFamily.FRONTIER), retry.key().encode(), it.value());
                changes.bump(Counters.URLS_RETRYING, -1);
                changes.queued(retry.key().hostId());
                moved++;
            }
            checkIterator(it);
            if (moved == 0) {
                return new CommitResult(Map.of());
            }
            return write(changes);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    /** When the earliest retry is due (epoch millis), if any URL waits in the retry lane. */
    public Optional<Long> nextRetryDue() {
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.RETRIES))) {
            it.seekToFirst();
            Optional<Long> due = it.isValid() ? Optional.of(RetryKey.decode(it.key()).notBeforeEpochMillis()) : Optional.empty();
            checkIterator(it);
            return due;
        }
    }

    /**
     * Caps how many URLs any one host may ever have queued in this crawl; links past the cap are
     * dropped and counted. A guard against spider traps and endless calendars.
     */
    public void limitUrlsPerHost(long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the URL budget per host must be at least 1, was " + budget);
        }
        this.urlsPerHostBudget = budget;
    }

    /**
     * Queues every URL of {@code urls} whose fingerprint is in neither the seen set nor earlier in the
     * list. The seen set is asked once for the whole list (one native call instead of one per URL:
     * most of the cost of a small lookup is crossing into RocksDB).
     */
    private void enqueueUnseen(Changes changes, List<DiscoveredUrl> urls) throws RocksDBException {
        if (urls.isEmpty()) {
            return;
        }
        List<DiscoveredUrl> candidates = new ArrayList<>(urls.size());
        List<byte[]> fingerprints = new ArrayList<>(urls.size());
        Set<ByteBuffer> inList = new HashSet<>();
        for (DiscoveredUrl url : urls) {
            byte[] fingerprint = UrlFingerprint.of(url.url());
            if (!recentlySeen.contains(fingerprint) && inList.add(ByteBuffer.wrap(fingerprint))) {
                candidates.add(url);
                fingerprints.add(fingerprint);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        List<byte[]> seen = db.multiGetAsList(Collections.nCopies(fingerprints.size(), handle(ColumnFamily.SEEN)), fingerprints);
        for (int i = 0; i < candidates.size(); i++) {
            if (seen.get(i) == null) {
                enqueueNew(changes, candidates.get(i), fingerprints.get(i));
            }
            // Remembered even if the batch then fails: the crawl stops on a failed write, and this
            // cache does not outlive the store.
            recentlySeen.add(fingerprints.get(i));
        }
    }

    private void enqueueNew(Changes changes, DiscoveredUrl url, byte[] fingerprint) throws RocksDBException {
        int hostId = hostIdFor(changes.batch, url.origin());
        long queuedBefore = queuedPerHost.getOrDefault(hostId, 0L);
        if (queuedBefore >= urlsPerHostBudget) {
            changes.bump(Counters.URLS_OVER_BUDGET, 1);
            return;
        }
        queuedPerHost.put(hostId, queuedBefore + 1);
        FrontierKey key = new FrontierKey(hostId, url.priority(), nextSequence++);
        changes.batch.put(handle(ColumnFamily.SEEN), fingerprint, EMPTY);
        changes.batch.put(handle(ColumnFamily.FRONTIER), key.encode(),
                new QueuedUrl(key, url.url(), url.depth(), 0, url.redirectHops()).encodeValue());
        changes.bump(Counters.URLS_DISCOVERED, 1);
        changes.bump(Counters.URLS_QUEUED, 1);
        changes.queued(hostId);
    }

    private int hostIdFor(WriteBatch batch, String origin) throws RocksDBException {
        Integer known = hostIds.get(origin);
        if (known != null) {
            return known;
        }
        int id = hostIds.size();
        batch.put(handle(ColumnFamily.HOSTS), bytes(HOST_BY_ORIGIN + origin), ByteBuffer.allocate(4).putInt(id).array());
        batch.put(handle(ColumnFamily.HOSTS), bytes(ORIGIN_BY_HOST + id), bytes(origin));
        // Published before the batch is written: if the write fails the crawl stops, and the next
        // open reloads only what reached the disk.
        hostIds.put(origin, id);
        origins.put(id, origin);
        return id;
    }

    /**
     * Adds what only the single writer knows to the batch (counter values, per-host queue counts, the
     * sequence high-water mark), writes it, and only then publishes the new counter values.
     */
    private CommitResult write(Changes changes) throws RocksDBException {
        Map<String, Long> updated = new HashMap<>();
        changes.counterDeltas.forEach((name, delta) -> updated.put(name, counters.getOrDefault(name, 0L) + delta));
        for (Map.Entry<String, Long> counter : updated.entrySet()) {
            changes.batch.put(handle(ColumnFamily.META), bytes(COUNTER_PREFIX + counter.getKey()), longBytes(counter.getValue()));
        }
        for (int hostId : changes.queuedByHost.keySet()) {
            changes.batch.put(handle(ColumnFamily.HOSTS), bytes(QUEUED_BY_HOST + hostId), longBytes(queuedPerHost.getOrDefault(hostId, 0L)));
        }
        changes.batch.put(handle(ColumnFamily.META), META_SEQUENCE, longBytes(nextSequence));
        db.write(writeOptions, changes.batch);
        counters.putAll(updated);
        return new CommitResult(changes.queuedByHost);
    }

    /** One batch in the making, with the counter deltas and newly queued URLs per host it carries. */
    private static final class Changes implements AutoCloseable {
        final WriteBatch batch = new WriteBatch();
        final Map<String, Long> counterDeltas = new HashMap<>();
        final Map<Integer, Integer> queuedByHost = new HashMap<>();

        void bump(String counter, long delta) {
            counterDeltas.merge(counter, delta, Long::sum);
        }

        void queued(int hostId) {
            queuedByHost.merge(hostId, 1, Integer::sum);
        }

        @Override
        public void close() {
            batch.close();
        }
    }

    /**
     * The first queued URLs of one host, in queue order, skipping the given keys (those already
     * leased or buffered by the caller).
     */
    public List<QueuedUrl> peek(int hostId, int limit, Set<FrontierKey> exclude) {
        List<QueuedUrl> found = new ArrayList<>(Math.min(limit, 64));
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.FRONTIER))) {
            for (it.seek(FrontierKey.hostPrefix(hostId)); it.isValid() && found.size() < limit; it.next()) {
                FrontierKey key = FrontierKey.decode(it.key());
                if (key.hostId() != hostId) {
                    break;
                }
                if (!exclude.contains(key)) {
                    found.add(QueuedUrl.decode(it.key(), it.value()));
                }
            }
            checkIterator(it);
        }
        return found;
    }

    /** Every host id that has at least one queued URL, found with one seek per host. */
    public List<Integer> hostsWithQueuedUrls() {
        List<Integer> hosts = new ArrayList<>();
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.FRONTIER))) {
            it.seekToFirst();
            while (it.isValid()) {
                int hostId = FrontierKey.decode(it.key()).hostId();
                hosts.add(hostId);
                if (hostId == Integer.MAX_VALUE) {
                    break;
                }
                it.seek(FrontierKey.hostPrefix(hostId + 1));
            }
            checkIterator(it);
        }
        return hosts;
    }

    /**
     * Counts the URLs waiting for each host, in its queue and in the retry lane; for reports such as
     * {@code crawler status}. Reads keys only, in one pass over each, and stops after
     * {@code maxKeys} keys in all, so a huge frontier costs a bounded time: the result then says it
     * is incomplete. Safe beside a running crawl (a read-only store sees one moment).
     */
    public HostQueues hostQueues(long maxKeys) {
        Map<Integer, long[]> counts = new java.util.TreeMap<>();
        Map<Integer, Long> firstRetry = new HashMap<>();
        long read = 0;
        boolean complete = true;
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.FRONTIER))) {
            for (it.seekToFirst(); it.isValid() && read < maxKeys; it.next(), read++) {
                counts.computeIfAbsent(FrontierKey.decode(it.key()).hostId(), id -> new long[2])[0]++;
            }
            complete = !it.isValid();
            checkIterator(it);
        }
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.RETRIES))) {
            for (it.seekToFirst(); it.isValid() && read < maxKeys; it.next(), read++) {
                RetryKey retry = RetryKey.decode(it.key());
                counts.computeIfAbsent(retry.key().hostId(), id -> new long[2])[1]++;
                // Keys are ordered by due time, so the first one seen for a host is its next retry.
                firstRetry.putIfAbsent(retry.key().hostId(), retry.notBeforeEpochMillis());
            }
            complete = complete && !it.isValid();
            checkIterator(it);
        }
        List<HostQueues.Host> hosts = new ArrayList<>(counts.size());
        counts.forEach((hostId, count) -> hosts.add(new HostQueues.Host(origins.getOrDefault(hostId, "host #" + hostId),
                count[0], count[1], Optional.ofNullable(firstRetry.get(hostId)).map(Instant::ofEpochMilli))));
        return new HostQueues(hosts, complete);
    }

    /** Compacts every column family now, dropping tombstones; for measurements and maintenance. */
    public void compact() {
        checkWritable();
        try {
            for (ColumnFamilyHandle handle : families.values()) {
                db.compactRange(handle);
            }
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    /**
     * RocksDB's own account of its memory, summed over column families: memtables, table readers
     * outside the cache, and block cache usage (the cache is shared, so it is counted once).
     */
    public Map<String, Long> nativeMemory() {
        Map<String, Long> memory = new java.util.LinkedHashMap<>();
        try {
            long memtables = 0;
            long readers = 0;
            for (ColumnFamilyHandle handle : families.values()) {
                memtables += db.getLongProperty(handle, "rocksdb.cur-size-all-mem-tables");
                readers += db.getLongProperty(handle, "rocksdb.estimate-table-readers-mem");
            }
            memory.put("memtables", memtables);
            memory.put("table-readers", readers);
            memory.put("block-cache", db.getLongProperty("rocksdb.block-cache-usage"));
            memory.put("block-cache-pinned", db.getLongProperty("rocksdb.block-cache-pinned-usage"));
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
        return memory;
    }

    /** Bytes the crawl directory takes on disk. */
    public long diskBytes() {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a file compaction removed while we walked
                }
            }).sum();
        } catch (IOException e) {
            throw ioFailure(directory, "cannot measure " + directory, e);
        }
    }

    /** Calls {@code action} for every stored product, in identity order. */
    public void forEachProduct(Consumer<ProductRecord> action) {
        forEachValue(ColumnFamily.PRODUCTS, bytes -> action.accept(StoreJson.read(bytes, ProductRecord.class)));
    }

    /** Calls {@code action} for every recorded failure, in URL order. */
    public void forEachFailure(Consumer<FailureRecord> action) {
        forEachValue(ColumnFamily.FAILURES, bytes -> action.accept(StoreJson.read(bytes, FailureRecord.class)));
    }

    private void forEachValue(ColumnFamily family, Consumer<byte[]> action) {
        try (RocksIterator it = db.newIterator(handle(family))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.value());
            }
            checkIterator(it);
        }
    }

    /** Closes the store; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeOptions.close();
        for (ColumnFamilyHandle handle : families.values()) {
            handle.close();
        }
        try {
            if (!readOnly && !writeFailed) {
                db.syncWal();
            }
        } catch (RocksDBException e) {
            // Closing continues: everything committed is already in the WAL of the OS page cache.
            org.slf4j.LoggerFactory.getLogger(CrawlStore.class).warn("syncing the WAL of {} on close failed: {}",
                    directory, e.getMessage());
        }
        db.close();
        List<AutoCloseable> reversed = new ArrayList<>(nativeResources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a RocksDB resource failed", e);
            }
        }
    }

    private void loadHosts() {
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.HOSTS))) {
            for (it.seek(bytes(HOST_BY_ORIGIN)); it.isValid(); it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                if (!key.startsWith(HOST_BY_ORIGIN)) {
                    break;
                }
                int id = ByteBuffer.wrap(it.value()).getInt();
                String origin = key.substring(HOST_BY_ORIGIN.length());
                hostIds.put(origin, id);
                origins.put(id, origin);
            }
            checkIterator(it);
            for (it.seek(bytes(QUEUED_BY_HOST)); it.isValid(); it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                if (!key.startsWith(QUEUED_BY_HOST)) {
                    break;
                }
                queuedPerHost.put(Integer.parseInt(key.substring(QUEUED_BY_HOST.length())), ByteBuffer.wrap(it.value()).getLong());
            }
            checkIterator(it);
        }
    }

    private void loadCounters() {
        try (RocksIterator it = db.newIterator(handle(ColumnFamily.META))) {
            for (it.seek(bytes(COUNTER_PREFIX)); it.isValid(); it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                if (!key.startsWith(COUNTER_PREFIX)) {
                    break;
                }
                counters.put(key.substring(COUNTER_PREFIX.length()), ByteBuffer.wrap(it.value()).getLong());
            }
            checkIterator(it);
        }
    }

    private void writeMeta(byte[] key, byte[] value) {
        checkWritable();
        try {
            db.put(handle(ColumnFamily.META), writeOptions, key, value);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    private byte @Nullable [] get(ColumnFamily family, byte[] key) {
        try {
            return db.get(handle(family), key);
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
    }

    private ColumnFamilyHandle handle(ColumnFamily family) {
        return families.get(family);
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("this crawl store was opened read-only");
        }
    }

    private void checkIterator(RocksIterator it) {
        try {
            it.status();
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
    }

    private CrawlDirectoryException writeFailure(RocksDBException e) {
        // The failed batch was not applied, and every one before it is in the WAL already; a sync on
        // close would only fail the same way and say so a second time.
        writeFailed = true;
        return classify(directory, "writing to the crawl store failed", e);
    }

    private CrawlDirectoryException readFailure(RocksDBException e) {
        return classify(directory, "reading the crawl store failed", e);
    }

    private record OpenedDb(RocksDB db, Map<ColumnFamily, ColumnFamilyHandle> families, List<AutoCloseable> resources) {
    }

    private static OpenedDb openDb(Path directory, StoreOptions options, boolean create, boolean readOnly) {
        List<AutoCloseable> resources = new ArrayList<>();
        LRUCache cache = new LRUCache(options.blockCacheBytes());
        resources.add(cache);
        // Every memtable of every column family is charged to the block cache, and index and filter
        // blocks live in it too: RocksDB's memory is then bounded by one number, whatever the
        // number of column families or the size of the frontier.
        WriteBufferManager writeBuffers = new WriteBufferManager(options.blockCacheBytes() / 2, cache);
        resources.add(writeBuffers);
        BloomFilter bloom = new BloomFilter(10, false);
        resources.add(bloom);
        DBOptions dbOptions = new DBOptions()
                .setCreateIfMissing(create)
                .setCreateMissingColumnFamilies(!readOnly)
                .setMaxBackgroundJobs(2)
                .setMaxOpenFiles(512)
                .setWriteBufferManager(writeBuffers)
                .setKeepLogFileNum(3);
        resources.add(dbOptions);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (ColumnFamily family : ColumnFamily.values()) {
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setCacheIndexAndFilterBlocks(true)
                    .setPinL0FilterAndIndexBlocksInCache(true);
            if (family.hasPointLookups()) {
                // Only the seen set and the products are looked up by key; the frontier is only ever
                // range-scanned, so a filter there would cost memory and buy nothing.
                table.setFilterPolicy(bloom).setWholeKeyFiltering(true);
            }
            ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
                    .setWriteBufferSize(options.writeBufferBytes())
                    .setMaxWriteBufferNumber(2)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setTableFormatConfig(table);
            resources.add(cfOptions);
            descriptors.add(new ColumnFamilyDescriptor(family.nameBytes(), cfOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        String path = directory.resolve(DB_DIR).toString();
        try {
            RocksDB db = readOnly
                    ? RocksDB.openReadOnly(dbOptions, path, descriptors, handles)
                    : RocksDB.open(dbOptions, path, descriptors, handles);
            Map<ColumnFamily, ColumnFamilyHandle> byFamily = new EnumMap<>(ColumnFamily.class);
            for (ColumnFamily family : ColumnFamily.values()) {
                byFamily.put(family, handles.get(family.ordinal()));
            }
            return new OpenedDb(db, byFamily, resources);
        } catch (RocksDBException e) {
            for (AutoCloseable resource : resources) {
                closeQuietly(resource);
            }
            throw classify(directory, "cannot open the crawl store", e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception suppressed) {
            org.slf4j.LoggerFactory.getLogger(CrawlStore.class).debug("closing after a failed open", suppressed);
        }
    }

    static CrawlDirectoryException classify(Path directory, String what, RocksDBException e) {
        Status status = e.getStatus();
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("lock")) {
            return new CrawlDirectoryException(CrawlDirectoryException.Reason.LOCKED, directory,
                    directory + " is in use by another crawler process (only one may write a crawl at a time)", e);
        }
        if (lower.contains("no space left") || (status != null && status.getCode() == Status.Code.IOError && lower.contains("space"))) {
            return new CrawlDirectoryException(CrawlDirectoryException.Reason.DISK_FULL, directory,
                    "the disk holding " + directory + " is full; free some space and run 'crawler resume --dir "
                            + directory + "'", e);
        }
        if (status != null && status.getCode() == Status.Code.Corruption) {
            return new CrawlDirectoryException(CrawlDirectoryException.Reason.CORRUPTED, directory,
                    "the crawl store in " + directory + " is corrupted: " + message, e);
        }
        return new CrawlDirectoryException(CrawlDirectoryException.Reason.IO, directory,
                what + " in " + directory + ": " + message, e);
    }

    private static CrawlInfo readInfo(Path directory) {
        if (!Files.exists(directory)) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.MISSING, directory,
                    "crawl directory " + directory + " does not exist");
        }
        Path file = directory.resolve(INFO_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.NOT_A_CRAWL, directory,
                    directory + " is not a crawl directory (it has no " + INFO_FILE + ")");
        }
        CrawlInfo info;
        try {
            info = StoreJson.MAPPER.readValue(file.toFile(), CrawlInfo.class);
        } catch (IOException e) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.CORRUPTED, directory,
                    file + " is unreadable: " + e.getMessage(), e);
        }
        if (info.formatVersion() > FORMAT_VERSION) {
            throw new CrawlDirectoryException(CrawlDirectoryException.Reason.NEWER_FORMAT, directory,
                    directory + " was written by a newer crawler (format " + info.formatVersion()
                            + "; this one reads up to " + FORMAT_VERSION + ")");
        }
        return info;
    }

    private static void writeInfoFile(Path directory, CrawlInfo info) {
        Path temp = directory.resolve(INFO_FILE + ".tmp");
        try {
            Files.write(temp, StoreJson.write(info));
            Files.move(temp, directory.resolve(INFO_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ioFailure(directory, "cannot write " + INFO_FILE + " in " + directory, e);
        }
    }

    private static boolean isEmptyDirectory(Path directory) {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw ioFailure(directory, "cannot list " + directory, e);
        }
    }

    private static CrawlDirectoryException ioFailure(Path directory, String message, IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean full = detail.toLowerCase(java.util.Locale.ROOT).contains("no space left");
        return new CrawlDirectoryException(full ? CrawlDirectoryException.Reason.DISK_FULL : CrawlDirectoryException.Reason.IO,
                directory, message + ": " + detail, e);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
