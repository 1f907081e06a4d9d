package dev.crawler.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How many URLs wait for each host, as {@link CrawlStore#hostQueues(long)} counted them.
 *
 * @param hosts    every host with a URL in its queue or in the retry lane, in host-id order
 * @param complete false when the count stopped at its key limit: the numbers are then lower bounds
 */
public record HostQueues(List<Host> hosts, boolean complete) {
    public HostQueues {
        hosts = List.copyOf(hosts);
    }

    /**
     * One host's waiting URLs.
     *
     * @param queued      URLs in its queue, ready to be fetched when the host's turn comes
     * @param retrying    URLs waiting out a backoff after a transient failure
     * @param nextRetryAt when the first of those may be fetched again, if there is one
     */
    public record Host(String origin, long queued, long retrying, Optional<Instant> nextRetryAt) {
    }
}
