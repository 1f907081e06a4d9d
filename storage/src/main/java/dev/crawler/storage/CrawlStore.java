package dev.crawler.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
 * The durable state of one crawl in one directory, and the one way in to it.
 *
 * <h2>Layout</h2>
 * A crawl directory holds {@code crawl.json} (format version, crawl id, creation time: readable
 * without opening the database, so a directory that is not a crawl is recognised at once) and
 * {@code db/}, one RocksDB database with a column family per kind of state ({@link ColumnFamily}).
 * The store opens and closes it, and keeps the crawl's configuration and seed origins; everything
 * else belongs to one of its parts, each owning its column families or key prefixes and its indexes
 * in memory: the {@link Frontier} (with its {@link RetryLane}), the {@link SeenSet}, the
 * {@link Records}, the {@link HostTable}, the {@link HostState} and the {@link CrawlCounters}.
 *
 * <h2>Writes</h2>
 * All writes come from one committer thread through {@link #enqueue}, {@link #commit(List)} and
 * {@link #promoteDueRetries}: each composes one {@link StoreBatch} that every part it touches adds
 * to, and writes it as one RocksDB {@link WriteBatch}, so either all of a change is on disk or none
 * of it. The write-ahead log is always on, so a process crash (even {@code kill -9}) loses nothing
 * that a write returned from; {@link StoreOptions#fsync()} extends that to power loss.
 *
 * <h2>Reads</h2>
 * {@link #peek}, the host look-ups, the counters and the {@link #records()} may be read from any
 * thread, concurrently with writes; RocksDB gives each call a consistent view.
 */
public final class CrawlStore implements AutoCloseable {
    public static final int FORMAT_VERSION = 1;
    private static final String INFO_FILE = "crawl.json";
    private static final String DB_DIR = "db";
    private static final byte[] META_CONFIG = StoreBytes.utf8("config");
    private static final byte[] META_SEED_ORIGINS = StoreBytes.utf8("seed-origins");

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final CrawlInfo info;
    private final StoreDb db;
    private final boolean readOnly;
    private final WriteOptions writeOptions;
    private final CrawlCounters counters;
    private final HostTable hostTable;
    private final HostState hostState;
    private final SeenSet seenSet;
    private final Frontier frontier;
    private final Records records;
    private final Pages pages;
    private final History history;
    private final Checkpoints checkpoints;
    private boolean closed;
    /** A write failed (a full disk, say): closing then leaves the WAL as it is instead of failing to sync it again. */
    private volatile boolean writeFailed;

    private CrawlStore(Path directory, CrawlInfo info, StoreDb db, StoreOptions options, boolean readOnly) {
        this.directory = directory;
        this.info = info;
        this.db = db;
        this.readOnly = readOnly;
        this.writeOptions = new WriteOptions().setSync(options.fsync());
        this.hostTable = new HostTable(db);
        this.frontier = new Frontier(db);
        this.counters = new CrawlCounters(db);
        this.hostState = new HostState(db);
        this.seenSet = new SeenSet(db);
        this.records = new Records(db);
        this.pages = new Pages(db);
        this.history = new History(db);
        this.checkpoints = new Checkpoints(db);
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
        CrawlStore store = withParts(directory, info, openDb(directory, options, false, false), options, false);
        try {
            long filled = store.history.completeIndex(store.writeOptions);
            if (filled > 0) {
                org.slf4j.LoggerFactory.getLogger(CrawlStore.class).info(
                        "filled the by-product order of {} product changes, written before it was kept", filled);
            }
        } catch (RocksDBException e) {
            CrawlDirectoryException failure = store.writeFailure(e);
            store.close();
            throw failure;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Opens an existing crawl to read it, even while a crawler is writing to it. The view is what was
     * committed when it was opened.
     */
    public static CrawlStore openReadOnly(Path directory) {
        CrawlInfo info = readInfo(directory);
        StoreOptions options = StoreOptions.defaults();
        return withParts(directory, info, openDb(directory, options, false, true), options, true);
    }

    /**
     * The store over an open database, its parts loaded. A part that cannot load what it finds (a
     * damaged value) fails the open as a damaged store, and the database is closed again: otherwise
     * its lock would stay held, and the next attempt in this process would read as "in use".
     */
    private static CrawlStore withParts(Path directory, CrawlInfo info, StoreDb db, StoreOptions options, boolean readOnly) {
        try {
            return new CrawlStore(directory, info, db, options, readOnly);
        } catch (RuntimeException e) {
            db.close();
            if (e instanceof CrawlDirectoryException || e instanceof StoreCorruptedException) {
                throw e;
            }
            throw new StoreCorruptedException("the crawl store in " + directory + " holds a value it cannot read ("
                    + e + "); the crawl directory is damaged", e);
        }
    }

    public Path directory() {
        return directory;
    }

    public CrawlInfo info() {
        return info;
    }

    /** The configuration stored when the crawl was created. */
    public String configJson() {
        byte[] config = db.get(ColumnFamily.META, META_CONFIG);
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

    /**
     * Keeps a named setting of the program that runs the crawl (such as the cluster a member belongs
     * to), as JSON, for later runs. Written at creation, inside the store, so it is there exactly when
     * the crawl is.
     */
    public void recordSetting(String name, String json) {
        writeMeta(settingKey(name), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A setting kept by {@link #recordSetting}, if there is one. */
    public Optional<String> setting(String name) {
        byte[] stored = db.get(ColumnFamily.META, settingKey(name));
        return stored == null ? Optional.empty() : Optional.of(new String(stored, StandardCharsets.UTF_8));
    }

    private static byte[] settingKey(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
        return StoreBytes.utf8("setting:" + name);
    }

    /** The origins recorded by {@link #recordSeedOrigins}; empty for a crawl created before they were kept. */
    public Set<String> seedOrigins() {
        byte[] stored = db.get(ColumnFamily.META, META_SEED_ORIGINS);
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
        return hostState.parkedHosts();
    }

    /** Every host whose pace the crawl has learned, in origin order; see {@link HostPace}. */
    public List<HostPace> hostPaces() {
        return hostState.paces();
    }

    /** The id of a host's queue, if it has one. */
    public Optional<Integer> hostId(String origin) {
        return hostTable.id(origin);
    }

    /** The origin of a host id handed out by this store. */
    public String origin(int hostId) {
        return hostTable.origin(hostId);
    }

    /** A snapshot of every counter. */
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    public long counter(String name) {
        return counters.get(name);
    }

    /** The product and failure records, to export or report; readable from any thread. */
    public Records records() {
        return records;
    }

    /** The product changes, for tests of the store's own package. */
    History history() {
        return history;
    }

    /**
     * Queues the URLs that were never seen before, as one batch.
     *
     * @return which hosts received how many new URLs
     */
    public CommitResult enqueue(List<DiscoveredUrl> urls) {
        return enqueue(urls, Map.of());
    }

    /** Like {@link #enqueue(List)}, and records {@code applied} checkpoints in the same batch. */
    public CommitResult enqueue(List<DiscoveredUrl> urls, Map<String, Long> applied) {
        checkWritable();
        try (StoreBatch batch = new StoreBatch()) {
            enqueueUnseen(batch, urls);
            checkpoints.put(batch, applied);
            return write(batch);
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
        return commit(group, parked, paces, recovered, List.of(), Map.of());
    }

    /**
     * Like {@link #commit(List, List, List, List)}, and queues {@code queued} (unless seen) and records
     * the {@code applied} checkpoints in the same batch: how a cluster member applies a group it has
     * published, with the offsets it has applied up to.
     */
    public CommitResult commit(List<PageCommit> group, List<ParkedHost> parked, List<HostPace> paces, List<String> recovered,
            List<DiscoveredUrl> queued, Map<String, Long> applied) {
        checkWritable();
        try (StoreBatch batch = new StoreBatch()) {
            for (String origin : recovered) {
                hostState.unpark(batch, origin);
            }
            for (ParkedHost host : parked) {
                hostState.park(batch, host);
            }
            for (HostPace pace : paces) {
                hostState.learnPace(batch, pace);
            }
            List<DiscoveredUrl> discovered = new ArrayList<>();
            Map<String, ProductRecord> productsInGroup = new java.util.HashMap<>();
            for (PageCommit page : group) {
                applyPage(batch, page, productsInGroup);
                discovered.addAll(page.discovered());
            }
            discovered.addAll(queued);
            enqueueUnseen(batch, discovered);
            checkpoints.put(batch, applied);
            return write(batch);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    private void applyPage(StoreBatch batch, PageCommit page, Map<String, ProductRecord> productsInGroup) throws RocksDBException {
        frontier.settle(batch, page.done());
        if (page.requeue().isPresent()) {
            frontier.requeue(batch, page.done().hostId(), page.requeue().get());
        }
        for (ProductRecord product : page.products()) {
            records.putProduct(batch, product, productsInGroup, history);
        }
        if (page.page().isPresent()) {
            PageState state = page.page().get();
            pages.put(batch, pages.get(state.url()), state);
        }
        if (page.failure().isPresent()) {
            records.putFailure(batch, page.failure().get());
        }
        page.counters().forEach(batch::bump);
    }

    /**
     * Queues known pages again for a revisit, as one batch: each at the back of its host's queue (a
     * revisited URL is in the seen set already, so it cannot come through {@link #enqueue}), marked
     * queued so that it is not due again until the revisit settles, and counted in
     * {@link Counters#REVISITS_QUEUED}. A page already queued or unknown is left alone, so
     * queueing the same pages twice (a recrawl run again after a crash) queues each once.
     *
     * @param urls the pages' URLs, as {@link #duePages} or {@link #forEachPage} gave them
     * @return which hosts received how many URLs
     */
    public CommitResult queueRevisits(List<String> urls) {
        checkWritable();
        try (StoreBatch batch = new StoreBatch()) {
            Set<String> inBatch = new HashSet<>();
            for (String url : urls) {
                Optional<PageState> stored = pages.get(url);
                if (stored.isEmpty() || stored.get().queued() || !inBatch.add(url)) {
                    continue;
                }
                queueRevisit(batch, stored.get());
            }
            return write(batch);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    /** Queues a revisit of {@code page} (known, not queued) at the back of its host's queue; returns its state now. */
    private PageState queueRevisit(StoreBatch batch, PageState page) throws RocksDBException {
        int hostId = hostTable.idFor(batch, page.origin());
        frontier.requeue(batch, hostId, new PageCommit.RequeuedUrl(page.url(), page.depth(), Math.min(page.depth(), 255), 0));
        PageState queued = page.withQueued(true);
        pages.put(batch, Optional.of(page), queued);
        batch.bump(Counters.REVISITS_QUEUED, 1);
        return queued;
    }

    /** What is known of a page for revisits, if it was ever fetched. Any thread. */
    public Optional<PageState> pageState(String url) {
        return pages.get(url);
    }

    /** Up to {@code max} pages due for a revisit at {@code now} (not queued already), earliest first. Any thread. */
    public List<PageState> duePages(Instant now, int max) {
        return pages.due(now, max);
    }

    /**
     * When the earliest page not queued already falls due for a revisit (it may be past), if any page
     * is waiting for one. Any thread.
     */
    public Optional<Instant> nextDue() {
        return pages.nextDue();
    }

    /** How many pages are due for a revisit at {@code now} and not queued yet, counting at most {@code max}. Any thread. */
    public long countDue(Instant now, long max) {
        return pages.countDue(now, max);
    }

    /** Calls {@code action} for every page fetched so far, in URL order. Any thread. */
    public void forEachPage(Consumer<PageState> action) {
        pages.forEach(action);
    }

    /** Calls {@code action} for every product change observed at or after {@code since}, oldest first. Any thread. */
    public void forEachChangeSince(Instant since, Consumer<ChangeEvent> action) {
        history.forEachSince(since, action);
    }

    /**
     * Calls {@code action} for every stored product, in identity order, with its changes, oldest
     * first. Holds one product's changes at a time; a crawl whose changes were written before they
     * were also kept by product, and not opened for writing since, is read by grouping all its
     * changes in memory instead. Any thread.
     */
    public void forEachProductWithChanges(BiConsumer<ProductRecord, List<ChangeEvent>> action) {
        if (!history.indexed()) {
            Map<String, List<ChangeEvent>> byProduct = new HashMap<>();
            history.forEachSince(Instant.EPOCH, event -> byProduct.computeIfAbsent(event.identity(), id -> new ArrayList<>()).add(event));
            records.forEachProduct(product -> action.accept(product, byProduct.getOrDefault(product.identity(), List.of())));
            return;
        }
        try (RocksIterator changes = db.newIterator(ColumnFamily.HISTORY_BY_PRODUCT)) {
            records.forEachProduct(product -> action.accept(product, history.eventsOf(changes, product.identity())));
        }
    }

    /**
     * Brings this store up to what happened elsewhere, as one batch: the URLs of {@code queued} not seen
     * here are queued, the URLs of {@code settled} enter the seen set (so they are never queued here),
     * and the {@code applied} checkpoints are recorded. How a cluster member restores the part of a
     * crawl it takes over from the topic that holds each URL's state. A URL settled elsewhere that
     * this store still has queued stays queued: fetching it again costs a request, never a record.
     */
    public CommitResult restore(List<DiscoveredUrl> queued, List<String> settled, Map<String, Long> applied) {
        return restore(queued, settled, List.of(), List.of(), List.of(), applied);
    }

    /**
     * Like {@link #restore(List, List, Map)}, and in the same batch also takes what another member
     * learnt of the part it takes over, for revisits: the state of each page it fetched ({@code pages},
     * each replacing this store's, whose queued mark it keeps), the latest record of each product
     * ({@code products}, replacing an older one here without recording a change: the member that
     * fetched it recorded that), and queues a revisit of each page of {@code revisits} that is known
     * and not queued already.
     */
    public CommitResult restore(List<DiscoveredUrl> queued, List<String> settled, List<PageState> pageStates,
            List<ProductRecord> products, List<String> revisits, Map<String, Long> applied) {
        checkWritable();
        try (StoreBatch batch = new StoreBatch()) {
            enqueueUnseen(batch, queued);
            for (String url : settled) {
                seenSet.addSettled(batch, url);
            }
            Map<String, PageState> written = new HashMap<>();
            for (PageState state : pageStates) {
                Optional<PageState> stored = written.containsKey(state.url()) ? Optional.of(written.get(state.url())) : pages.get(state.url());
                PageState kept = state.withQueued(stored.map(PageState::queued).orElse(false));
                pages.put(batch, stored, kept);
                written.put(kept.url(), kept);
            }
            for (ProductRecord product : products) {
                records.putBaseline(batch, product);
            }
            for (String url : revisits) {
                Optional<PageState> stored = written.containsKey(url) ? Optional.of(written.get(url)) : pages.get(url);
                if (stored.isPresent() && !stored.get().queued()) {
                    written.put(url, queueRevisit(batch, stored.get()));
                }
            }
            checkpoints.put(batch, applied);
            return write(batch);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    /**
     * The URLs of {@code urls} that a commit would queue now (neither seen nor repeated earlier in the
     * list), in list order. Asks without changing anything: the commit that queues them asks again.
     * For the store's writer only.
     */
    public List<DiscoveredUrl> unseenAmong(List<DiscoveredUrl> urls) {
        return seenSet.peekUnseen(urls);
    }

    /** A checkpoint recorded with {@link #commit(List, List, List, List, List, Map)}, {@link #enqueue(List, Map)} or {@link #restore}. */
    public java.util.OptionalLong checkpoint(String name) {
        return checkpoints.get(name);
    }

    /**
     * Moves every retry whose time has come back to its host's queue, as one batch.
     *
     * @return the hosts that received URLs
     */
    public CommitResult promoteDueRetries(long nowEpochMillis, int max) {
        checkWritable();
        try (StoreBatch batch = new StoreBatch()) {
            if (frontier.promoteDueRetries(batch, nowEpochMillis, max) == 0) {
                return new CommitResult(Map.of());
            }
            return write(batch);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    /** When the earliest retry is due (epoch millis), if any URL waits in the retry lane. */
    public Optional<Long> nextRetryDue() {
        return frontier.nextRetryDue();
    }

    /**
     * Caps how many URLs any one host may ever have queued in this crawl; links past the cap are
     * dropped and counted. A guard against spider traps and endless calendars.
     */
    public void limitUrlsPerHost(long budget) {
        frontier.limitUrlsPerHost(budget);
    }

    /** Queues every URL of {@code urls} that the seen set has not seen, and adds it to the seen set. */
    private void enqueueUnseen(StoreBatch batch, List<DiscoveredUrl> urls) throws RocksDBException {
        for (SeenSet.Unseen unseen : seenSet.unseen(urls)) {
            int hostId = hostTable.idFor(batch, unseen.url().origin());
            // A URL over its host's budget stays out of the seen set on disk, as it always has.
            if (frontier.enqueue(batch, hostId, unseen.url())) {
                seenSet.add(batch, unseen);
            }
        }
    }

    /**
     * Adds what the parts keep in memory to the batch (counter values, per-host queue counts, the
     * sequence high-water mark), writes it, and only then publishes the new counter values.
     */
    private CommitResult write(StoreBatch batch) throws RocksDBException {
        Map<String, Long> totals = counters.addTotals(batch);
        frontier.addCounts(batch);
        db.rocks().write(writeOptions, batch.writeBatch());
        counters.publish(totals);
        return new CommitResult(batch.queuedByHost());
    }

    /**
     * The first queued URLs of one host, in queue order, skipping the given keys (those already
     * leased or buffered by the caller).
     */
    public List<QueuedUrl> peek(int hostId, int limit, Set<FrontierKey> exclude) {
        return frontier.peek(hostId, limit, exclude);
    }

    /** Every host id that has at least one queued URL, found with one seek per host. */
    public List<Integer> hostsWithQueuedUrls() {
        return frontier.hostsWithQueuedUrls();
    }

    /**
     * Counts the URLs waiting for each host, in its queue and in the retry lane; for reports such as
     * {@code crawler status}. Reads keys only, in one pass over each, and stops after
     * {@code maxKeys} keys in all, so a huge frontier costs a bounded time: the result then says it
     * is incomplete. Safe beside a running crawl (a read-only store sees one moment).
     */
    public HostQueues hostQueues(long maxKeys) {
        return frontier.hostQueues(maxKeys, hostTable::describe);
    }

    /** Compacts every column family now, dropping tombstones; for measurements and maintenance. */
    public void compact() {
        checkWritable();
        try {
            for (ColumnFamilyHandle handle : db.handles()) {
                db.rocks().compactRange(handle);
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
            RocksDB rocks = db.rocks();
            for (ColumnFamilyHandle handle : db.handles()) {
                memtables += rocks.getLongProperty(handle, "rocksdb.cur-size-all-mem-tables");
                readers += rocks.getLongProperty(handle, "rocksdb.estimate-table-readers-mem");
            }
            memory.put("memtables", memtables);
            memory.put("table-readers", readers);
            memory.put("block-cache", rocks.getLongProperty("rocksdb.block-cache-usage"));
            memory.put("block-cache-pinned", rocks.getLongProperty("rocksdb.block-cache-pinned-usage"));
        } catch (RocksDBException e) {
            throw db.readFailure(e);
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

    /** Closes the store; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeOptions.close();
        try {
            if (!readOnly && !writeFailed) {
                db.rocks().syncWal();
            }
        } catch (RocksDBException e) {
            // Closing continues: everything committed is already in the WAL of the OS page cache.
            org.slf4j.LoggerFactory.getLogger(CrawlStore.class).warn("syncing the WAL of {} on close failed: {}",
                    directory, e.getMessage());
        }
        db.close();
    }

    private void writeMeta(byte[] key, byte[] value) {
        checkWritable();
        try {
            db.rocks().put(db.handle(ColumnFamily.META), writeOptions, key, value);
        } catch (RocksDBException e) {
            throw writeFailure(e);
        }
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("this crawl store was opened read-only");
        }
    }

    private CrawlDirectoryException writeFailure(RocksDBException e) {
        // The failed batch was not applied, and every one before it is in the WAL already; a sync on
        // close would only fail the same way and say so a second time.
        writeFailed = true;
        return classify(directory, "writing to the crawl store failed", e);
    }

    /**
     * Opens the database of a crawl directory with every column family, its memory bounded by
     * {@code options}; RocksDB's lock file then keeps any other writer out. Package-private so that a
     * part can be tested on its own over a real database.
     */
    static StoreDb openDb(Path directory, StoreOptions options, boolean create, boolean readOnly) {
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
        List<ColumnFamily> opened = new ArrayList<>();
        Set<String> existing = readOnly ? existingFamilies(directory.resolve(DB_DIR)) : Set.of();
        for (ColumnFamily family : ColumnFamily.values()) {
            if (readOnly && !existing.contains(new String(family.nameBytes(), StandardCharsets.UTF_8))) {
                // Read-only cannot create it: a crawl written before this family existed has none, and
                // the part that owns it reads as empty (see Pages, History).
                continue;
            }
            opened.add(family);
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
            for (int i = 0; i < opened.size(); i++) {
                byFamily.put(opened.get(i), handles.get(i));
            }
            return new StoreDb(directory, db, byFamily, resources);
        } catch (RocksDBException e) {
            for (AutoCloseable resource : resources) {
                closeQuietly(resource);
            }
            throw classify(directory, "cannot open the crawl store", e);
        }
    }

    private static Set<String> existingFamilies(Path db) {
        Set<String> names = new HashSet<>();
        try (org.rocksdb.Options options = new org.rocksdb.Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(options, db.toString())) {
                names.add(new String(name, StandardCharsets.UTF_8));
            }
        } catch (RocksDBException e) {
            throw classify(db, "cannot list the column families of the crawl store", e);
        }
        return names;
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
}
