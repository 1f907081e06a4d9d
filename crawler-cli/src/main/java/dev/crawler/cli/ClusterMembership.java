package dev.crawler.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crawler.cluster.ClusterSettings;
import dev.crawler.storage.CrawlStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A crawl directory's membership of a cluster crawl, kept in the directory when it is created: the
 * cluster, the crawl's name and partitions, and the member's own lasting name, so that {@code resume}
 * rejoins as the same member (and gets its hosts back without a rebalance).
 */
record ClusterMembership(String bootstrap, String crawlId, int partitions, long sessionTimeoutMillis, String memberId) {
    private static final String SETTING = "cluster";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The membership a new crawl directory gets: the section's, with a member name made up unless it gives one. */
    static ClusterMembership create(ClusterSection section) {
        if (section.crawlId().isEmpty()) {
            throw new UserError("--cluster needs --crawl-id NAME (or cluster.crawlId), the same on every member");
        }
        String memberId = section.memberId().isEmpty() ? "member-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6))
                : section.memberId();
        return new ClusterMembership(section.bootstrap(), section.crawlId(), section.partitions(),
                section.sessionTimeout().toMillis(), memberId);
    }

    void record(CrawlStore store) {
        try {
            store.recordSetting(SETTING, JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The membership a crawl directory was created with; empty for a crawl run alone. */
    static Optional<ClusterMembership> of(CrawlStore store) {
        return store.setting(SETTING).map(json -> {
            try {
                return JSON.readValue(json, ClusterMembership.class);
            } catch (IOException e) {
                throw new UserError("the cluster membership kept in " + store.directory() + " is unreadable: " + e.getMessage());
            }
        });
    }

    /**
     * The membership with what flags given on resume change: the cluster's address may have moved; the
     * crawl's name and partitions may not, as the member would then belong to another crawl.
     */
    ClusterMembership resumedWith(ClusterFlags flags) {
        if (flags.crawlId != null && !flags.crawlId.equals(crawlId)) {
            throw new UserError("this directory is a member of cluster crawl '" + crawlId + "', not '" + flags.crawlId + "'");
        }
        if (flags.partitions != null && flags.partitions != partitions) {
            throw new UserError("the cluster crawl '" + crawlId + "' has " + partitions + " partitions, fixed when it was created");
        }
        return new ClusterMembership(flags.bootstrap != null ? flags.bootstrap : bootstrap, crawlId, partitions,
                sessionTimeoutMillis, memberId);
    }

    ClusterSettings settings() {
        try {
            return new ClusterSettings(bootstrap, crawlId, partitions, memberId, Duration.ofMillis(sessionTimeoutMillis));
        } catch (IllegalArgumentException e) {
            throw new UserError(String.valueOf(e.getMessage()));
        }
    }
}
