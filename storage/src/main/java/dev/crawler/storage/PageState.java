package dev.crawler.storage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the crawl knows about one page it has fetched, for revisiting it: its validators, when it was
 * visited and when it is next due, and whether it is gone. Kept by URL in {@link ColumnFamily#PAGES},
 * written by the commit that settles each visit, so it always agrees with the page's records.
 *
 * @param url            the canonical URL
 * @param origin         the host key its queue is under
 * @param depth          link distance from a seed, kept so that a revisit's links keep theirs
 * @param kind           what the page was at its last readable visit
 * @param etag           the {@code ETag} it last sent, verbatim (weak or strong), or null
 * @param lastModified   the {@code Last-Modified} it last sent, verbatim, or null
 * @param bodyHash       hash of the body it last sent (hex), for servers that send no validators
 * @param firstVisit     when it was first fetched
 * @param lastVisit      when it was last fetched (a 304 counts)
 * @param lastChange     when its body was last seen to change (its first visit counts), or null
 * @param intervalMillis the revisit interval it has earned so far (before jitter)
 * @param nextVisit      when it is next due
 * @param queued         whether a revisit of it is queued and not yet settled: it is then not due again
 *                       (a gone page stays due now and then: a listing page that ran out of products may
 *                       come back with new ones)
 * @param goneAt         when it was found gone (404, 410, or a product page without a product), or null
 * @param goneStatus     the status that said so (404, 410; 200 for a product page without a product), or 0
 */
public record PageState(
        String url,
        String origin,
        int depth,
        Kind kind,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable String bodyHash,
        Instant firstVisit,
        Instant lastVisit,
        @Nullable Instant lastChange,
        long intervalMillis,
        Instant nextVisit,
        boolean queued,
        @Nullable Instant goneAt,
        int goneStatus) {

    /** What a page is for a revisit. */
    public enum Kind {
        /** It carried at least one product: revisited to watch price and stock. */
        PRODUCT,
        /** It carried none (a home page, a category listing, a sitemap): revisited to find new products. */
        LISTING
    }

    public PageState {
        if (url.isEmpty() || origin.isEmpty()) {
            throw new IllegalArgumentException("url and origin must not be empty");
        }
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("intervalMillis must not be negative, was " + intervalMillis);
        }
    }

    public boolean gone() {
        return goneAt != null;
    }

    /** Due for a revisit at {@code now}: not queued already, and its time has come. */
    public boolean dueAt(Instant now) {
        return !queued && !nextVisit.isAfter(now);
    }

    /** The same page with a revisit queued. */
    public PageState withQueued(boolean value) {
        return new PageState(url, origin, depth, kind, etag, lastModified, bodyHash, firstVisit, lastVisit, lastChange,
                intervalMillis, nextVisit, value, goneAt, goneStatus);
    }
}
