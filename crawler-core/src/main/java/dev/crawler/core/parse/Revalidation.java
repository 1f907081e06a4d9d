package dev.crawler.core.parse;

import dev.crawler.core.fetch.Validators;
import org.jspecify.annotations.Nullable;

/**
 * What one fetch says about whether the page changed since the crawl last saw it, and what to compare
 * the next visit with.
 *
 * @param validators the page's {@code ETag} and {@code Last-Modified}, to send on the next visit
 * @param bodyHash   a hash of the body (hex), to compare on the next visit when a server sends no
 *                   validators; null when there was no body to hash
 */
public record Revalidation(Freshness freshness, Validators validators, @Nullable String bodyHash) {
    /** A fetch that produced no page: a failure or a redirect. */
    public static final Revalidation NONE = new Revalidation(Freshness.NO_PAGE, Validators.NONE, null);

    /** Whether the page was read again, or found as it was without reading it. */
    public enum Freshness {
        /** No page: a failure or a redirect. */
        NO_PAGE,
        /** A body that was parsed: a first visit, or one that changed. */
        NEW_BODY,
        /** The server answered {@code 304 Not Modified}. */
        NOT_MODIFIED,
        /** The body hashed the same as at the last visit, so it was not parsed again. */
        SAME_BODY;

        /** Whether the page was found as it was, unparsed. */
        public boolean unchanged() {
            return this == NOT_MODIFIED || this == SAME_BODY;
        }
    }
}
