package dev.crawler.core.commit;

import dev.crawler.core.coordination.Coordination;
import dev.crawler.core.coordination.GroupWrite;
import dev.crawler.core.coordination.Inbound;
import dev.crawler.core.coordination.LocalWrite;
import dev.crawler.core.coordination.NotPublishedException;
import dev.crawler.core.fetch.FailureClass;
import dev.crawler.core.parse.PageOutcome;
import dev.crawler.storage.CommitResult;
import dev.crawler.storage.Counters;
import dev.crawler.storage.CrawlDirectoryException;
import dev.crawler.storage.CrawlStore;
import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.FailureRecord;
import dev.crawler.storage.HostPace;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.ParkedHost;
import dev.crawler.storage.QueuedUrl;
import dev.crawler.storage.StoreCorruptedException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the crawl store. It takes page outcomes as they come, groups whatever
 * has queued up (up to {@code maxGroup}) into one atomic batch, and then tells its listener. Grouping
 * costs no latency when the crawl is slow and saves most of the write overhead when it is fast.
 *
 * <p>It reacts to events and never polls: submitting an outcome, a parked host or URLs to queue, and
 * closing, each wake it at once; otherwise it sleeps until the earliest retry in the store's retry lane
 * is due (or indefinitely when none waits), moves the due retries back to their hosts' queues, and
 * sleeps again. It learns when retries are due from what it writes itself, so it asks the store only
 * at start and after moving retries.
 *
 * <h2>In a cluster</h2>
 * Every write goes through {@link Coordination#publish} first, which makes it durable where the other
 * members see it and says what of it the local store applies. A group that cannot be published is not
 * written at all, and the listener hears {@link CommitListener#notPublished}: its URLs stay queued.
 * Batches from the other members ({@link #receive}) are published and applied in order, by this thread
 * like every other write.
 *
 * <h2>When something throws</h2>
 * No outcome is lost to a bug, and the thread never dies quietly:
 * <ul>
 *   <li>Planning an outcome that throws (any {@link Throwable}) settles that URL as an
 *       {@link FailureClass#INTERNAL} failure, recorded with its URL and the error, and the listener
 *       hears of it ({@link CommitListener#internalError}); the rest of the group is written as planned.</li>
 *   <li>After a failed write it stops taking work: the store is in an unknown state (typically a full
 *       disk), and every URL not committed is still in the frontier for {@code resume}. Anything else
 *       that escapes the loop is treated the same way, so the crawl stops, resumable, instead of
 *       waiting for a thread that is gone.</li>
 * </ul>
 */
public final class Committer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final PageOutcome[] NONE = new PageOutcome[0];
    /** Retries moved back to the frontier per write, so one write stays small however many are due. */
    private static final int MAX_PROMOTED = 10_000;
    private static final long NO_RETRY = Long.MAX_VALUE;
    private static final int MAX_RATE_LIMITED_LOGGED = 20;

    private final CrawlStore store;
    private final OutcomePlanner planner;
    private final CommitListener listener;
    private final int maxGroup;
    private final Coordination coordination;

    private final InstantSource clock;
    private final ConcurrentLinkedQueue<PageOutcome> queue = new ConcurrentLinkedQueue<>();
    /** Hosts parked since the last write; written with the next batch, or alone when no page outcome waits. */
    private final ConcurrentLinkedQueue<ParkedHost> parked = new ConcurrentLinkedQueue<>();
    /**
     * Host paces learned since the last write, the latest of each host. They ride with the next write
     * rather than wake the thread: a pace is a hint, and each one alone would be a write of its own.
     */
    private final Map<String, HostPace> paces = new ConcurrentHashMap<>();
    /** Hosts parked in an earlier run that answered again: their parking is forgotten with the next write. */
    private final ConcurrentLinkedQueue<String> recovered = new ConcurrentLinkedQueue<>();
    /** URLs to queue that no page outcome carries; written by this thread like everything else. */
    private final ConcurrentLinkedQueue<List<DiscoveredUrl>> discovered = new ConcurrentLinkedQueue<>();
    /** Batches from elsewhere (other members of a cluster), applied in the order they came. */
    private final ConcurrentLinkedQueue<Inbound> inbound = new ConcurrentLinkedQueue<>();
    private volatile boolean failed;
    /** When the earliest retry in the store is due (epoch millis, {@link #clock}), or {@link #NO_RETRY}. Committer thread only. */
    private long retryDue = NO_RETRY;
    /** URLs failed as rate-limited so far; only this thread touches it. */
    private int rateLimitedLogged;
    private final Thread thread;
    private volatile boolean running = true;

    public Committer(CrawlStore store, OutcomePlanner planner, CommitListener listener, int maxGroup,
            InstantSource clock) {
        this(store, planner, listener, maxGroup, clock, Coordination.ALONE);
    }

    public Committer(CrawlStore store, OutcomePlanner planner, CommitListener listener, int maxGroup,
            InstantSource clock, Coordination coordination) {
        this.store = store;
        this.coordination = coordination;
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
        wake();
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
        wake();
    }

    /**
     * Publishes and applies a batch from elsewhere with the next write; the listener hears
     * {@link CommitListener#arrived} for it. Never blocks.
     */
    public void receive(Inbound batch) {
        inbound.add(batch);
        wake();
    }

    /** Queues an outcome for writing. Never blocks: the queue is bounded by the crawl's in-flight cap. */
    public void submit(PageOutcome outcome) {
        queue.add(outcome);
        wake();
    }

    private void wake() {
        LockSupport.unpark(thread);
    }

    private void run() {
        try {
            retryDue = nextRetryDue();
        } catch (Throwable e) {
            stop("reading when the next retry is due", List.of(), e);
        }
        List<PageOutcome> group = new ArrayList<>(maxGroup);
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                boolean wrote = false;
                if (!queue.isEmpty() || !parked.isEmpty()) {
                    for (PageOutcome outcome; group.size() < maxGroup && (outcome = queue.poll()) != null; ) {
                        group.add(outcome);
                    }
                    write(group);
                    wrote = true;
                }
                wrote |= enqueueDiscovered();
                wrote |= applyInbound();
                wrote |= promoteDueRetries();
                if (!wrote) {
                    sleepUntilWoken();
                }
            } catch (Throwable e) {
                stop("the committer's loop", List.copyOf(group), e);
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

    /**
     * Parks until an event unparks this thread or the earliest retry is due. A wake-up that came while
     * the loop was busy is not lost: {@link LockSupport#unpark} before {@code park} makes it return at once.
     */
    private void sleepUntilWoken() {
        if (!running || !queue.isEmpty() || !parked.isEmpty() || !discovered.isEmpty() || !inbound.isEmpty()) {
            return;
        }
        if (retryDue == NO_RETRY) {
            LockSupport.park(this);
        } else {
            long millis = retryDue - clock.millis();
            if (millis > 0) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(millis));
            }
        }
    }

    private void write(List<PageOutcome> group) {
        List<PageCommit> commits = new ArrayList<>(group.size());
        for (PageOutcome outcome : group) {
            PageCommit commit = planSafely(outcome);
            commit.requeue().ifPresent(again -> noteRetry(again.notBeforeEpochMillis()));
            commits.add(commit);
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
        LocalWrite local;
        try {
            local = coordination.publish(new GroupWrite(settledPages(written, commits), List.of(), List.of()));
        } catch (NotPublishedException e) {
            LOG.info("{} page outcomes not published, their URLs stay queued: {}", written.size(), e.getMessage());
            listener.notPublished(written);
            // The host records are this process's own and still true: they go with the next write.
            parked.addAll(hosts);
            recovered.addAll(answeredAgain);
            learned.forEach(pace -> paces.putIfAbsent(pace.origin(), pace));
            return;
        }
        CommitResult result;
        try {
            result = store.commit(local.pages(), hosts, learned, answeredAgain, local.queued(), local.applied());
        } catch (Throwable e) {
            stop("writing " + group.size() + " page outcomes", written, e);
            return;
        }
        if (LOG.isDebugEnabled()) {
            logCommitted(written);
        }
        logRateLimited(commits);
        listener.committed(written, result);
    }

    private static List<GroupWrite.SettledPage> settledPages(List<PageOutcome> outcomes, List<PageCommit> commits) {
        List<GroupWrite.SettledPage> pages = new ArrayList<>(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            QueuedUrl queued = outcomes.get(i).task().queued();
            pages.add(new GroupWrite.SettledPage(queued.url(), outcomes.get(i).task().origin(), commits.get(i)));
        }
        return pages;
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

    /**
     * The planner's write for {@code outcome}; when planning throws, a write that settles the URL as an
     * internal failure instead, built here without the planner (which just failed on it).
     */
    private PageCommit planSafely(PageOutcome outcome) {
        try {
            return planner.plan(outcome);
        } catch (Throwable e) {
            listener.internalError(outcome, e);
            return internalFailure(outcome, e);
        }
    }

    /** Settles the URL for good, recording what went wrong; counted as a failed page and under {@code failures.internal}. */
    static PageCommit internalFailure(PageOutcome outcome, Throwable error) {
        QueuedUrl queued = outcome.task().queued();
        Map<String, Long> counters = new HashMap<>();
        if (outcome.httpStatus() > 0) {
            counters.put(CrawlCounters.PAGES_FETCHED, 1L);
            counters.put(CrawlCounters.http(outcome.httpStatus()), 1L);
        }
        counters.put(CrawlCounters.PAGES_FAILED, 1L);
        counters.put(CrawlCounters.failure(FailureClass.INTERNAL), 1L);
        FailureRecord record = new FailureRecord(queued.url(), FailureClass.INTERNAL.label(), outcome.httpStatus(),
                "internal error while committing: " + error, queued.attempts() + 1, outcome.fetchedAt());
        return new PageCommit(queued.key(), Optional.empty(), List.of(), List.of(), Optional.of(record), counters);
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

    /**
     * A write failed (a full disk, a broken store), or something unforeseen escaped the loop: nothing
     * more is written, and the crawl stops resumable. A store failure is the crawl's outcome, which the
     * engine throws and its caller reports (the command line in one line that says what to do), so it
     * is logged here only at INFO, for the crawl's log; anything else at ERROR with its stack trace, as
     * the bug it is.
     */
    private void stop(String what, List<PageOutcome> unwritten, Throwable error) {
        running = false;
        failed = true;
        RuntimeException failure;
        if (error instanceof CrawlDirectoryException || error instanceof StoreCorruptedException) {
            LOG.info("{} failed; the crawl stops and can be resumed: {}", what, error.getMessage());
            failure = (RuntimeException) error;
        } else {
            LOG.error("{} failed; the crawl stops and can be resumed", what, error);
            failure = error instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the committer failed unexpectedly: " + error, error);
        }
        listener.commitFailed(unwritten, failure);
    }

    /** Writes the URLs handed to {@link #enqueue}; whether there were any. */
    private boolean enqueueDiscovered() {
        boolean any = false;
        for (List<DiscoveredUrl> urls; running && (urls = discovered.poll()) != null; ) {
            any = true;
            CommitResult result;
            try {
                LocalWrite local = coordination.publish(new GroupWrite(List.of(), urls, List.of()));
                result = store.enqueue(local.queued(), local.applied());
            } catch (NotPublishedException e) {
                // Sitemaps a robots.txt lists: the next owner of the host reads its robots.txt again.
                LOG.info("{} URLs to queue not published: {}", urls.size(), e.getMessage());
                result = new CommitResult(Map.of());
            } catch (Throwable e) {
                stop("queueing " + urls.size() + " URLs", List.of(), e);
                break;
            }
            listener.enqueued(result);
        }
        return any;
    }

    /** Publishes and applies the batches from elsewhere that have arrived, as one write; whether there were any. */
    private boolean applyInbound() {
        if (!running || inbound.isEmpty()) {
            return false;
        }
        List<Inbound> batches = new ArrayList<>();
        for (Inbound batch; (batch = inbound.poll()) != null; ) {
            batches.add(batch);
        }
        CommitResult result;
        try {
            LocalWrite local = coordination.publish(new GroupWrite(List.of(), List.of(), batches));
            result = store.restore(local.queued(), local.settled(), local.pageStates(), local.products(), local.revisits(),
                    local.applied());
        } catch (NotPublishedException e) {
            LOG.info("{} batches from other members not taken in: {}", batches.size(), e.getMessage());
            batches.forEach(batch -> batch.done(false));
            listener.arrived(batches, new CommitResult(Map.of()));
            return true;
        } catch (Throwable e) {
            batches.forEach(batch -> batch.done(false));
            stop("queueing URLs from other members", List.of(), e);
            return true;
        }
        batches.forEach(batch -> batch.done(true));
        listener.arrived(batches, result);
        return true;
    }

    /** A retry written with this due time: the committer wakes for it if it is the earliest. */
    private void noteRetry(long notBeforeEpochMillis) {
        if (notBeforeEpochMillis > 0) {
            retryDue = Math.min(retryDue, notBeforeEpochMillis);
        }
    }

    private long nextRetryDue() {
        return store.counter(Counters.URLS_RETRYING) == 0 ? NO_RETRY : store.nextRetryDue().orElse(NO_RETRY);
    }

    /** Moves the retries whose backoff has passed back to their hosts' queues; whether it was time to. */
    private boolean promoteDueRetries() {
        if (!running || clock.millis() < retryDue) {
            return false;
        }
        CommitResult result;
        try {
            result = store.promoteDueRetries(clock.millis(), MAX_PROMOTED);
            retryDue = nextRetryDue();
        } catch (Throwable e) {
            stop("moving due retries back to the frontier", List.of(), e);
            return true;
        }
        if (!result.queuedByHost().isEmpty()) {
            listener.committed(List.of(), result);
        }
        return true;
    }

    /** Stops the thread once it has finished what it is writing, and waits for that (a bounded time). */
    @Override
    public void close() {
        running = false;
        wake();
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
