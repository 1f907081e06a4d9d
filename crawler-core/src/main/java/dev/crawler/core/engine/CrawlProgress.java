package dev.crawler.core.engine;

import java.time.Duration;

/**
 * Where a running crawl stands.
 *
 * @param maxPages the page budget, 0 for none
 */
public record CrawlProgress(long pagesFetched, long products, long queued, long failed, int inFlight, int hosts,
        Duration elapsed, long maxPages) {
}
