package dev.crawler.core.commit;

import dev.crawler.core.fetch.FailureClass;

/** The names of the counters a crawl keeps, beside the store's own ({@link dev.crawler.storage.Counters}). */
public final class CrawlCounters {
    /** Responses received for pages (any status). */
    public static final String PAGES_FETCHED = "pages.fetched";
    /** URLs settled as failures after their last attempt. */
    public static final String PAGES_FAILED = "pages.failed";
    /**
     * URLs settled without a request because robots.txt, the scope rules or the address rules
     * ({@code blocked-address}) excluded them: policy, not failure.
     */
    public static final String URLS_SKIPPED = "urls.skipped";
    /** Body bytes received for pages. */
    public static final String BYTES_FETCHED = "bytes.fetched";
    /** Transient failures that were queued again. */
    public static final String RETRIES = "retries";
    /**
     * URLs queued again because their host pushed back (a 429, a 503 with {@code Retry-After}): the
     * host's signal, not the URL's failure, so not counted as retries.
     */
    public static final String PUSH_BACKS = "push-backs";
    /** Revisits that found the page unchanged (a 304, or the same body): nothing parsed, nothing written but the page's schedule. */
    public static final String PAGES_UNCHANGED = "pages.unchanged";
    /** Of {@link #PAGES_UNCHANGED}, those the server answered {@code 304 Not Modified}. */
    public static final String PAGES_NOT_MODIFIED = "pages.not-modified";
    /** Of {@link #PAGES_UNCHANGED}, those whose body hashed as before (servers without validators). */
    public static final String PAGES_SAME_BODY = "pages.same-body";
    /** Known pages found gone: a 404 or 410, or a product page that no longer carries a product. */
    public static final String PAGES_GONE = "pages.gone";
    public static final String HTTP_PREFIX = "http.";
    public static final String FAILURE_PREFIX = "failures.";

    private CrawlCounters() {
    }

    public static String http(int status) {
        return HTTP_PREFIX + status;
    }

    public static String failure(FailureClass failureClass) {
        return FAILURE_PREFIX + failureClass.label();
    }
}
