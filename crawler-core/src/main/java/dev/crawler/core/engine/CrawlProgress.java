package dev.crawler.core.engine;

import java.time.Duration;

/**
 * Where a running crawl stands.
 *
 * @param hosts       hosts known to this run
 * @param maxPages    the page budget, 0 for none
 * @param activeHosts hosts with work queued or in flight
 * @param parkedHosts hosts held back (backing off after failures) although they have work
 */
public record CrawlProgress(long pagesFetched, long products, long queued, long failed, int inFlight, int hosts,
        Duration elapsed, long maxPages, int activeHosts, int parkedHosts) {

    /** For an engine that does not tell active hosts from parked ones: every known host counts as active. */
    public CrawlProgress(long pagesFetched, long products, long queued, long failed, int inFlight, int hosts,
            Duration elapsed, long maxPages) {
        this(pagesFetched, products, queued, failed, inFlight, hosts, elapsed, maxPages, hosts, 0);
    }
}
