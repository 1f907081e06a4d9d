package dev.crawler.core.parse;

import dev.crawler.storage.PageState;
import dev.crawler.storage.QueuedUrl;
import java.util.Optional;

/**
 * A leased URL on its way through fetch, parse and commit.
 *
 * @param hostId the id of the host queue it was leased from
 * @param origin the host key, {@code scheme://host:port}
 * @param known  what the crawl knew of the page when it was leased (a revisit), or empty (a first visit):
 *               its validators make the request conditional, its body hash spares parsing an unchanged body
 */
public record PageTask(int hostId, String origin, QueuedUrl queued, Optional<PageState> known) {
    /** A page never fetched before. */
    public PageTask(int hostId, String origin, QueuedUrl queued) {
        this(hostId, origin, queued, Optional.empty());
    }
}
