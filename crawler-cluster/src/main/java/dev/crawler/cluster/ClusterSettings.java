package dev.crawler.cluster;

import java.time.Duration;

/**
 * How one member joins a cluster crawl.
 *
 * @param bootstrap      the Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param crawlId        the crawl's name, shared by every member; its topics are named after it
 * @param partitions     how many sets the crawl's hosts are split into (fixed when the crawl is created);
 *                       more than the members, so that members can come and go
 * @param memberId       this member's lasting name (its static group membership): the same after a
 *                       restart, so that it gets its partitions back without a rebalance
 * @param sessionTimeout how long the others wait for a silent member before its partitions move
 */
public record ClusterSettings(String bootstrap, String crawlId, int partitions, String memberId, Duration sessionTimeout) {
    static final Duration SHORTEST_SESSION_TIMEOUT = Duration.ofSeconds(6);
    static final Duration LONGEST_SESSION_TIMEOUT = Duration.ofMinutes(5);

    public ClusterSettings {
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("cluster.bootstrap must name at least one Kafka broker as host:port");
        }
        CrawlTopics.of(crawlId);
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("cluster.partitions must be 1..10000, was " + partitions);
        }
        if (!memberId.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("a member id is 1 to 200 letters, digits, '.', '_' or '-', was '" + memberId + "'");
        }
        if (sessionTimeout.compareTo(SHORTEST_SESSION_TIMEOUT) < 0 || sessionTimeout.compareTo(LONGEST_SESSION_TIMEOUT) > 0) {
            throw new IllegalArgumentException("cluster.sessionTimeout must be 6 s to 5 min, was " + sessionTimeout);
        }
    }

    /** The consumer group of the crawl's members. */
    public String group() {
        return "crawler." + crawlId;
    }

    /** The transactional id of this member's producer: a restarted member fences its own former self. */
    public String transactionalId() {
        return "crawler." + crawlId + "." + memberId;
    }

    /**
     * How long the broker lets one of this member's transactions stay open before it aborts it. A
     * member killed mid-commit leaves its transaction open, and until the broker aborts it, readers of
     * committed records see nothing past it in the partitions it wrote to: not the links and products
     * the new owner of its hosts writes there, nor the committed offsets of its links partitions. Twice
     * the session timeout ends that soon after the member's partitions move (Kafka's default is a
     * minute), while a live member's transactions, which last milliseconds, have ample room.
     */
    public Duration transactionTimeout() {
        return transactionTimeout(sessionTimeout);
    }

    /** The longest any member's transaction can stay open: what a reader may have to wait for. */
    static Duration longestTransactionTimeout() {
        return transactionTimeout(LONGEST_SESSION_TIMEOUT);
    }

    private static Duration transactionTimeout(Duration sessionTimeout) {
        return sessionTimeout.multipliedBy(2);
    }

    /**
     * How old a member's last word with the group may be while it still fetches: a third of the session
     * timeout, so that it stops long before its partitions can be given to another member.
     */
    public Duration fetchLease() {
        return sessionTimeout.dividedBy(3);
    }
}
