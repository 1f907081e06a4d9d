package dev.crawler.storage;

import java.nio.charset.StandardCharsets;

/** The named column families of a crawl store; the order here is the order they are opened in. */
enum ColumnFamily {
    /** RocksDB's own default family; holds nothing of ours. */
    DEFAULT("default"),
    /** Crawl metadata (format, id, config snapshot), counters and the sequence high-water mark. */
    META("meta"),
    /**
     * Host origin to host id, in both directions; URLs ever queued per host; parked hosts ({@code p:origin});
     * learned host paces ({@code d:origin}).
     */
    HOSTS("hosts"),
    /** Queued URLs keyed {@code hostId | priority | sequence}; see {@link FrontierKey}. */
    FRONTIER("frontier"),
    /** 128-bit fingerprints of every URL ever enqueued, behind a Bloom filter. */
    SEEN("seen"),
    /** Product records keyed by identity, so rewriting a page's outcome never duplicates one. */
    PRODUCTS("products"),
    /** The last failure of each URL that failed, keyed by URL. */
    FAILURES("failures"),
    /**
     * URLs waiting out a backoff before they return to the frontier, keyed
     * {@code notBefore millis (8 bytes) | frontier key}, so the first key is always the next one due.
     */
    RETRIES("retries");

    private final byte[] nameBytes;

    ColumnFamily(String name) {
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether keys are looked up one by one (so a Bloom filter pays for itself) rather than scanned. */
    boolean hasPointLookups() {
        return this == SEEN || this == PRODUCTS;
    }

    byte[] nameBytes() {
        return nameBytes.clone();
    }
}
