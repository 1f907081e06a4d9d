package dev.crawler.core.revisit;

import dev.crawler.storage.PageState;
import java.time.Instant;

/**
 * Which known pages a revisit run revisits: with {@code all} ({@code recrawl --now}), every page not
 * visited since the run started; otherwise the pages whose next visit has come. A cluster member asks
 * it of the pages of each part of the crawl it takes over during the run, so that the part is revisited
 * as its earlier owner would have revisited it.
 *
 * @param startedAt when the run started
 * @param all       whether every known page is revisited, due or not
 */
public record RevisitRun(Instant startedAt, boolean all) {
    /** Whether this run revisits {@code page}, at {@code now}; a page queued already is not asked again by the store. */
    public boolean revisits(PageState page, Instant now) {
        return all ? page.lastVisit().isBefore(startedAt) : !page.nextVisit().isAfter(now);
    }
}
