package dev.crawler.core.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler's own unexpected errors (bugs) that a crawl survived: counted for the summary, and each
 * logged once, where it was turned into an outcome, with what was being done and to which URL. The
 * first {@link #MAX_STACK_TRACES} carry their stack trace; after that one line each, so a bug that
 * meets every page does not bury the log. Thread-safe.
 */
final class InternalErrors {
    static final int MAX_STACK_TRACES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);

    private final AtomicLong count = new AtomicLong();

    /**
     * @param doing what failed, e.g. {@code processing}
     * @param url   the URL it failed on
     * @param then  what happens instead, e.g. {@code recorded as an internal failure}
     */
    void record(String doing, String url, String then, Throwable error) {
        long seen = count.incrementAndGet();
        if (seen <= MAX_STACK_TRACES) {
            LOG.error("{} {} failed unexpectedly; {}", doing, url, then, error);
        } else {
            LOG.error("{} {} failed unexpectedly; {}: {}", doing, url, then, error.toString());
        }
    }

    long count() {
        return count.get();
    }
}
