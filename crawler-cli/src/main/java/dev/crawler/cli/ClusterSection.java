package dev.crawler.cli;

import java.time.Duration;

/**
 * The {@code cluster:} section of a config file: which Kafka cluster a crawl is shared through, and
 * as which crawl. With an empty {@code bootstrap} (the default) the crawl runs in this process alone.
 *
 * @param bootstrap      Kafka bootstrap servers, {@code host:port[,host:port...]}; empty: no cluster
 * @param crawlId        the crawl's name, the same on every member
 * @param partitions     how many sets the hosts are split into, fixed when the crawl is first created
 * @param sessionTimeout how long the others wait for a silent member before its hosts move
 * @param memberId       this member's lasting name; empty: made up when the crawl directory is created
 */
record ClusterSection(String bootstrap, String crawlId, int partitions, Duration sessionTimeout, String memberId) {
    static final String ID_PATTERN = "[A-Za-z0-9._-]{1,200}";

    ClusterSection {
        if (!crawlId.isEmpty() && !crawlId.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("cluster.crawlId: 1 to 200 letters, digits, '.', '_' or '-', was '" + crawlId + "'");
        }
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("cluster.partitions: must be 1..10000, was " + partitions);
        }
        if (sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0 || sessionTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("cluster.sessionTimeout: must be 6s..5m, was " + Durations.format(sessionTimeout));
        }
        if (!memberId.isEmpty() && !memberId.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("cluster.memberId: 1 to 200 letters, digits, '.', '_' or '-', was '" + memberId + "'");
        }
    }

    static ClusterSection defaults() {
        return new ClusterSection("", "", 12, Duration.ofSeconds(30), "");
    }

    boolean enabled() {
        return !bootstrap.isBlank();
    }
}
