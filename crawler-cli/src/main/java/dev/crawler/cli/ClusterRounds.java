package dev.crawler.cli;

import dev.crawler.cluster.ClusterMember;
import dev.crawler.cluster.ClusterUnavailableException;
import dev.crawler.cluster.StopSignal;
import dev.crawler.core.revisit.RevisitRun;
import dev.crawler.storage.CrawlStore;
import java.io.PrintWriter;
import java.util.List;

/**
 * The rounds of a watch on a member of a cluster crawl: each round joins the cluster for its run, as a
 * {@code recrawl} does, and leaves it after; and {@code crawler stop --cluster}, said while a round
 * runs or while the watch waits for the next one, ends the watch.
 */
final class ClusterRounds implements AutoCloseable {
    private final ClusterMembership membership;
    private final CrawlStore store;
    private final PrintWriter err;
    private final StopSignal stops;

    ClusterRounds(ClusterMembership membership, CrawlStore store, PrintWriter err) {
        this.membership = membership;
        this.store = store;
        this.err = err;
        try {
            this.stops = new StopSignal(membership.bootstrap(), membership.crawlId());
        } catch (ClusterUnavailableException e) {
            throw new UserError("cannot reach the cluster at " + membership.bootstrap() + ": " + e.getMessage());
        }
    }

    /** Joins the cluster for one round that revisits as {@code run} says; close the member when the round ends. */
    ClusterMember join(RevisitRun run) {
        return CrawlRunner.join(new CrawlRunner.Member(membership, List.of(), run), store, err);
    }

    /** Whether a stop was said for the crawl since the watch started. */
    boolean stopSaid() {
        return stops.seen();
    }

    @Override
    public void close() {
        stops.close();
    }
}
