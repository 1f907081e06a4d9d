package dev.crawler.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one processed URL changes in the store, written as one atomic batch.
 *
 * @param done        the frontier entry this outcome settles; it is removed
 * @param requeue     the same URL queued again (a transient failure with retries left), or empty
 * @param discovered  links to queue if unseen
 * @param products    records to upsert by identity
 * @param failure     the failure to record, or empty
 * @param counters    counter deltas, by counter name
 * @param page        what is now known of the page for revisits, written with the rest (empty: unchanged)
 */
public record PageCommit(
        FrontierKey done,
        Optional<RequeuedUrl> requeue,
        List<DiscoveredUrl> discovered,
        List<ProductRecord> products,
        Optional<FailureRecord> failure,
        Map<String, Long> counters,
        Optional<PageState> page) {

    public PageCommit {
        discovered = List.copyOf(discovered);
        products = List.copyOf(products);
        counters = Map.copyOf(counters);
    }

    /** An outcome that leaves what is known of the page for revisits as it is. */
    public PageCommit(FrontierKey done, Optional<RequeuedUrl> requeue, List<DiscoveredUrl> discovered, List<ProductRecord> products,
            Optional<FailureRecord> failure, Map<String, Long> counters) {
        this(done, requeue, discovered, products, failure, counters, Optional.empty());
    }

    /** The same write with other links to queue: those of a cluster member's own hosts, the others sent to their owners. */
    public PageCommit withDiscovered(List<DiscoveredUrl> links) {
        return new PageCommit(done, requeue, links, products, failure, counters, page);
    }

    /** The same outcome without its failure record: a known page that answers 404 or 410 is gone, not failed. */
    public PageCommit withoutFailure() {
        return new PageCommit(done, requeue, discovered, products, Optional.empty(), counters, page);
    }

    /** The same outcome, recording {@code state} for the page. */
    public PageCommit withPage(PageState state) {
        return new PageCommit(done, requeue, discovered, products, failure, counters, Optional.of(state));
    }

    /** The same outcome with {@code more} counter deltas added. */
    public PageCommit withCounters(Map<String, Long> more) {
        Map<String, Long> merged = new java.util.HashMap<>(counters);
        more.forEach((name, delta) -> merged.merge(name, delta, Long::sum));
        return new PageCommit(done, requeue, discovered, products, failure, merged, page);
    }

    /**
     * The URL of {@link #done} queued again at the back of its host's queue.
     *
     * @param notBeforeEpochMillis when it may be fetched again; until then it waits in the retry lane
     *                             (0: at once)
     * @param redirectHops         the redirect hops that led to it, kept across retries
     * @param pushBacks            the times its host pushed back on it so far; see {@link QueuedUrl#pushBacks()}
     */
    public record RequeuedUrl(String url, int depth, int priority, int attempts, long notBeforeEpochMillis, int redirectHops,
            int pushBacks) {
        public RequeuedUrl(String url, int depth, int priority, int attempts) {
            this(url, depth, priority, attempts, 0);
        }

        public RequeuedUrl(String url, int depth, int priority, int attempts, long notBeforeEpochMillis) {
            this(url, depth, priority, attempts, notBeforeEpochMillis, 0);
        }

        public RequeuedUrl(String url, int depth, int priority, int attempts, long notBeforeEpochMillis, int redirectHops) {
            this(url, depth, priority, attempts, notBeforeEpochMillis, redirectHops, 0);
        }
    }
}
