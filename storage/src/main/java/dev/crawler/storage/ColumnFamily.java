package dev.crawler.storage;

import java.nio.charset.StandardCharsets;

/** The named column families of a crawl store; the order here is the order they are opened in. */
enum ColumnFamily {
    /** RocksDB's own default family; holds nothing of ours. */
    DEFAULT("default"),
    /**
     * The crawl's configuration and seed origins (the store's own), the counters
     * ({@code counter:NAME}, {@link CrawlCounters}) and the enqueue sequence ({@link Frontier}).
     */
    META("meta"),
    /**
     * Host origin to host id, in both directions ({@code o:}, {@code i:}: {@link HostTable}); URLs ever
     * queued per host ({@code n:}: {@link Frontier}); parked hosts ({@code p:origin}) and learned host
     * paces ({@code d:origin}: {@link HostState}).
     */
    HOSTS("hosts"),
    /** Queued URLs keyed {@code hostId | priority | sequence}; see {@link FrontierKey} and {@link Frontier}. */
    FRONTIER("frontier"),
    /** 128-bit fingerprints of every URL ever enqueued, behind a Bloom filter; see {@link SeenSet}. */
    SEEN("seen"),
    /** Product records keyed by identity, so rewriting a page's outcome never duplicates one; see {@link Records}. */
    PRODUCTS("products"),
    /** The last failure of each URL that failed, keyed by URL; see {@link Records}. */
    FAILURES("failures"),
    /**
     * URLs waiting out a backoff before they return to the frontier, keyed
     * {@code notBefore millis (8 bytes) | frontier key}, so the first key is always the next one due;
     * see {@link RetryLane}.
     */
    RETRIES("retries"),
    /** What is known of each fetched page for revisits (validators, schedule, gone), keyed by URL; see {@link Pages}. */
    PAGES("pages"),
    /**
     * The pages that may fall due, keyed {@code nextVisit millis (8 bytes) | URL}, so the first keys are
     * the next due; see {@link Pages}.
     */
    DUE("due"),
    /**
     * Product changes, keyed {@code observedAt millis (8 bytes) | identity | 0 | field}; see {@link History}.
     * The last three families were added after format 1 was pinned: a crawl written before them gets
     * them, empty, when it is next opened for writing.
     */
    HISTORY("history"),
    /**
     * The same changes keyed {@code identity | 0 | observedAt millis (8 bytes) | field}, so one product's
     * series is one short scan; see {@link History}. Added after the three above, the same way.
     */
    HISTORY_BY_PRODUCT("history-by-product");

    private final byte[] nameBytes;

    ColumnFamily(String name) {
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether keys are looked up one by one (so a Bloom filter pays for itself) rather than scanned. */
    boolean hasPointLookups() {
        return this == SEEN || this == PRODUCTS || this == PAGES;
    }

    byte[] nameBytes() {
        return nameBytes.clone();
    }
}
