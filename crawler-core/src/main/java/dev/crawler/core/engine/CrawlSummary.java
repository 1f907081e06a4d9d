package dev.crawler.core.engine;

import java.time.Duration;

/**
 * How a run of a crawl ended.
 *
 * @param pagesThisRun   pages fetched by this run
 * @param pagesTotal     pages fetched by every run of the crawl
 * @param products       distinct products stored
 * @param queued         URLs still queued (non-zero after a stop or a page budget)
 * @param failed         URLs settled as failures
 * @param skipped        URLs settled unfetched because robots.txt or the scope excluded them
 * @param elapsed        wall time of this run
 * @param stopped        whether the run was stopped before it ran out of work
 * @param internalErrors unexpected errors (bugs) met and survived
 * @param parkedHosts    hosts this run parked, their URLs left queued
 * @param budgetSpent    whether the run stopped starting pages because {@code limits.maxPages} was reached
 * @param leftToOthers   of {@code queued}, the URLs of hosts that other members of a cluster crawl own
 *                       now, which crawled them: queued here from a time this member owned them
 */
public record CrawlSummary(long pagesThisRun, long pagesTotal, long products, long queued, long failed, long skipped,
        Duration elapsed, boolean stopped, long internalErrors, int parkedHosts, boolean budgetSpent, long leftToOthers) {

    public CrawlSummary(long pagesThisRun, long pagesTotal, long products, long queued, long failed, long skipped,
            Duration elapsed, boolean stopped, long internalErrors, int parkedHosts, boolean budgetSpent) {
        this(pagesThisRun, pagesTotal, products, queued, failed, skipped, elapsed, stopped, internalErrors, parkedHosts,
                budgetSpent, 0);
    }

    /** Whether the run ended with URLs still queued that are its own: stopped, parked hosts, or the page budget. */
    public boolean unfinished() {
        return queued - leftToOthers > 0;
    }

    /** Pages per second of this run. */
    public double pagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : pagesThisRun / seconds;
    }
}
