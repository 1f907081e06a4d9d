package dev.crawler.storage;

/** Names of the counters the store itself maintains; callers add their own through {@link PageCommit#counters()}. */
public final class Counters {
    /** URLs ever queued (each at most once, by the seen set). */
    public static final String URLS_DISCOVERED = "urls.discovered";
    /** URLs queued and not yet settled. */
    public static final String URLS_QUEUED = "urls.queued";
    /** URLs waiting out a backoff in the retry lane (counted in {@link #URLS_QUEUED} too). */
    public static final String URLS_RETRYING = "urls.retrying";
    /** URLs not queued because their host had used up its URL budget. */
    public static final String URLS_OVER_BUDGET = "urls.over-budget";
    /** Hosts parked (given up on for the rest of a run) because they kept failing; see {@link ParkedHost}. */
    public static final String HOSTS_PARKED = "hosts.parked";
    /** Distinct product records stored. */
    public static final String PRODUCTS = "products";
    /** Product field changes recorded in the history (one per field per change); see {@link ChangeEvent}. */
    public static final String CHANGES = "products.changes";
    /** Known pages queued again for a revisit. */
    public static final String REVISITS_QUEUED = "pages.revisits-queued";

    private Counters() {
    }
}
