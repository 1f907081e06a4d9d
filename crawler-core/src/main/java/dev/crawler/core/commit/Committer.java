package dev.crawler.core.commit;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.storage.CommitResult;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.ParkedHost;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the crawl store. It takes page outcomes as they come, groups whatever
 * has queued up (up to {@code maxGroup}) into one atomic batch, and then tells its listener. Grouping
 * costs no latency when the crawl is slow and saves most of the write overhead when it is fast.
 *
 * <p>After a failed write it stops taking work: the store is in an unknown state (typically a full
 * disk), and every URL not committed is still in the frontier for {@code resume}.
 */
public final class Committer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final PageOutcome[] NONE = new PageOutcome[0];
    private static final int MAX_RATE_LIMITED_LOGGED = 20;

    private final CrawlStore store;
    private final CommitPlanner planner;
    private final CommitListener listener;
    private final int maxGroup;
    private static final long RETRY_CHECK_MILLIS = 250;

    private final InstantSource clock;
    private final LinkedBlockingQueue<PageOutcome> queue = new LinkedBlockingQueue<>();
    /** Hosts parked since the last write; written with the next batch (or alone within a quarter second). */
    private final ConcurrentLinkedQueue<ParkedHost> parked = new ConcurrentLinkedQueue<>();
    /** Host paces learned since the last write, the latest of each host; written with the next batch. */
    private final Map<String, HostPace> paces = new ConcurrentHashMap<>();
    /** Hosts parked in an earlier run that answered again: their parking is forgotten with the next write. */
    private final ConcurrentLinkedQueue<String> recovered = new ConcurrentLinkedQueue<>();
    /** URLs to queue that no page outcome carries; written by this thread like everything else. */
    private final ConcurrentLinkedQueue<List<DiscoveredUrl>> discovered = new ConcurrentLinkedQueue<>();
    private volatile boolean failed;
    private long nextRetryCheck;
    /** URLs failed as rate-limited so far; only this thread touches it. */
    private int rateLimitedLogged;
    private final Thread thread;
    private volatile boolean running = true;

    public Committer(CrawlStore store, CommitPlanner planner, CommitListener listener, int maxGroup,
            InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.planner = planner;
        this.listener = listener;
        this.maxGroup = maxGroup;
        this.thread = new Thread(this::run, "crawler-committer");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Records a parked host with the next write. Never blocks. */
    public void hostParked(ParkedHost host) {
        parked.add(host);
    }

    /** Forgets a host's parking with the next write: it answered again. Never blocks. */
    public void hostRecovered(String origin) {
        recovered.add(origin);
    }

    /** Records a host's learned pace with the next write, replacing one not yet written. Never blocks. */
    public void hostPaced(HostPace pace) {
        paces.put(pace.origin(), pace);
    }

    /**
     * Queues URLs that no page outcome carries (the sitemaps a robots.txt lists) with the next write;
     * the listener hears {@link CommitListener#enqueued} once for each call. Never blocks.
     */
    public void enqueue(List<DiscoveredUrl> urls) {
        discovered.add(urls);
    }

    /** Queues an outcome for writing. Never blocks: the queue is bounded by the crawl's in-flight cap. */
    public void submit(PageOutcome outcome) {
        queue.add(outcome);
    }

    private void run() {
        List<PageOutcome> group = new ArrayList<>(maxGroup);
        while (running) {
            try {
                PageOutcome first = queue.poll(RETRY_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                    queue.drainTo(group, maxGroup - 1);
                    write(group);
                } else if (hostRecordsWaiting()) {
                    write(group);
                }
                enqueueDiscovered();
                promoteDueRetries();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
        if (!failed && hostRecordsWaiting()) {
            write(List.of());
        }
    }

    private boolean hostRecordsWaiting() {
        return !parked.isEmpty() || !paces.isEmpty() || !recovered.isEmpty();
    }

    private void write(List<PageOutcome> group) {
        List<PageCommit> commits = new ArrayList<>(group.size());
        for (PageOutcome outcome : group) {
            commits.add(planner.plan(outcome));
        }
        List<PageOutcome> written = List.of(group.toArray(NONE));
        List<ParkedHost> hosts = new ArrayList<>();
        for (ParkedHost host; (host = parked.poll()) != null; ) {
            hosts.add(host);
        }
        List<HostPace> learned = new ArrayList<>();
        for (String origin : List.copyOf(paces.keySet())) {
            HostPace pace = paces.remove(origin);
            if (pace != null) {
                learned.add(pace);
            }
        }
        List<String> answeredAgain = new ArrayList<>();
        for (String origin; (origin = recovered.poll()) != null; ) {
            answeredAgain.add(origin);
        }
        CommitResult result;
        try {
            result = store.commit(commits, hosts, learned, answeredAgain);
        } catch (RuntimeException e) {
            stop("writing " + group.size() + " page outcomes", written, e);
            return;
        }
        if (LOG.isDebugEnabled()) {
            logCommitted(written);
        }
        logRateLimited(commits);
        listener.committed(written, result);
    }

    /**
     * A URL given up on because its host kept pushing back is worth a warning: the host, not the page,
     * is the trouble, and the user may want to slow the crawl down. Logged once it is durable, and only
     * the first {@value #MAX_RATE_LIMITED_LOGGED}: {@code crawler status} counts the rest.
     */
    private void logRateLimited(List<PageCommit> commits) {
        for (PageCommit commit : commits) {
            if (commit.failure().isEmpty() || !commit.failure().get().failureClass().equals(FailureClass.RATE_LIMITED.label())) {
                continue;
            }
            rateLimitedLogged++;
            if (rateLimitedLogged <= MAX_RATE_LIMITED_LOGGED) {
                LOG.warn("{} failed as rate-limited: {}", commit.failure().get().url(), commit.failure().get().message());
            } else if (rateLimitedLogged == MAX_RATE_LIMITED_LOGGED + 1) {
                LOG.warn("more URLs failed as rate-limited; 'crawler status' counts them all");
            }
        }
    }

    /** One line per page, written only once its outcome is durable, for {@code --log-level debug}. */
    private static void logCommitted(List<PageOutcome> written) {
        for (PageOutcome outcome : written) {
            String url = outcome.task().queued().url();
            if (outcome.failure().isPresent()) {
                PageOutcome.Failure failure = outcome.failure().get();
                LOG.debug("{} {} {}: {}", url, outcome.httpStatus(), failure.failureClass().label(), failure.message());
            } else {
                LOG.debug("{} {} {} bytes, {} links, {} products", url, outcome.httpStatus(), outcome.bytes(),
                        outcome.links().size(), outcome.products().size());
            }
        }
    }

    /** A write failed (a full disk, a broken store): nothing more is written, and the crawl stops resumable. */
    private void stop(String what, List<PageOutcome> unwritten, RuntimeException error) {
        running = false;
        failed = true;
        LOG.error("{} failed; the crawl stops and can be resumed: {}", what, error.getMessage());
        listener.commitFailed(unwritten, error);
    }

    private void enqueueDiscovered() {
        for (List<DiscoveredUrl> urls; running && (urls = discovered.poll()) != null; ) {
            CommitResult result;
            try {
                result = store.enqueue(urls);
            } catch (RuntimeException e) {
                stop("queueing " + urls.size() + " URLs", List.of(), e);
                return;
            }
            listener.enqueued(result);
        }
    }

    /** Every quarter second, moves retries whose backoff has passed back to their hosts' queues. */
    private void promoteDueRetries() {
        long now = clock.millis();
        if (!running || now < nextRetryCheck) {
            return;
        }
        nextRetryCheck = now + RETRY_CHECK_MILLIS;
        if (store.counter(Counters.URLS_RETRYING) == 0) {
            return;
        }
        CommitResult result;
        try {
            result = store.promoteDueRetries(now, 10_000);
        } catch (RuntimeException e) {
            stop("moving due retries back to the frontier", List.of(), e);
            return;
        }
        if (!result.queuedByHost().isEmpty()) {
            listener.committed(List.of(), result);
        }
    }

    /** Stops the thread once it is idle; waits a bounded time. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every submitted outcome has been handed to the store. */
    public boolean isIdle() {
        return queue.isEmpty();
    }
}
