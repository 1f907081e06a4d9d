package dev.crawler.core.parse;

import dev.crawler.storage.QueuedUrl;

/**
 * A leased URL on its way through fetch, parse and commit.
 *
 * @param hostId the id of the host queue it was leased from
 * @param origin the host key, {@code scheme://host:port}
 */
public record PageTask(int hostId, String origin, QueuedUrl queued) {
}
